using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>Issue 13, hole 7: an instance's variables are at most Engine:MaxVariableBytes (256 KB); more is 413 and nothing is stored.</summary>
public sealed class VariableSizeTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly string TaskProcess = Processes.Process("size-check", """
        <bpmn:startEvent id="Start_1" />
        <bpmn:userTask id="Task_Note" rjh:candidateRoles="Employee" rjh:formKey="size-note" />
        <bpmn:endEvent id="End_1" />
        """ + Processes.Chain("Start_1", "Task_Note", "End_1"));

    private static readonly string Big = new('x', 300 * 1024);

    [Fact]
    public async Task A_start_with_300_KB_of_variables_is_413_and_no_instance_is_stored()
    {
        await factory.DeployAsync(TaskProcess);
        using var erik = await factory.ClientFor("erik.anstalld");

        var problem = await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync("/api/instances",
            new { definitionKey = "size-check", businessKey = "too-big", variables = new { note = Big } }), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("256", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(problem.ToJsonString().Length < 2000, "the error must not echo the input");
        using var admin = await factory.ClientFor("admin");
        var instances = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=size-check"));
        Assert.DoesNotContain(instances, i => i!["businessKey"]?.GetValue<string>() == "too-big");
    }

    [Fact]
    public async Task A_completion_that_would_grow_variables_past_the_limit_is_413_and_the_task_stays_open()
    {
        await factory.DeployAsync(TaskProcess);
        factory.PublishForm("size-note", ("more", "textfield"));
        using var erik = await factory.ClientFor("erik.anstalld");
        var instance = await erik.StartInstanceAsync("size-check", new { note = new string('y', 200 * 1024) });
        var task = Assert.Single(await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/tasks?instanceId={instance["id"]}")))!;

        await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { more = new string('z', 100 * 1024) } }), HttpStatusCode.RequestEntityTooLarge);

        var after = await HttpAssert.StatusAsync(await erik.GetAsync($"/api/instances/{instance["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Running", after!["status"]!.GetValue<string>());
        Assert.Null(after["variables"]!["more"]);
        Assert.Single(await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/tasks?instanceId={instance["id"]}")));
    }
}
