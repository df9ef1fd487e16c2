using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Tests.Runtime;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Privacy;

/// <summary>Sends its input <c>who</c> out as an outside system would, and remembers what it was given.</summary>
[Activity("Test.SendPerson", Execution = ActivityExecution.Job)]
public sealed class SendPersonActivity : IActivity
{
    public static readonly ConcurrentDictionary<string, string> Received = new();

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        Received[context.Input("run")!.GetValue<string>()] = context.Input("who")!.ToJsonString();
        return Task.FromResult(ActivityResult.Empty);
    }
}

/// <summary>Issue 13, hole 4 in the engine: what is stored (state, scopes, outbox) and what a view shows.</summary>
public sealed class PersonalVariableStorageTests
{
    [Theory]
    [InlineData("19800101-0019", "19800101-****")]
    [InlineData("198001010019", "19800101-****")]
    [InlineData("ring 800101-0019 i morgon", "ring 800101-**** i morgon")]
    [InlineData("19800161-0016", "19800161-****")]      // samordningsnummer: day + 60
    [InlineData("19800101-0018", "19800101-0018")]      // wrong check digit
    [InlineData("19801301-0013", "19801301-0013")]      // no such month
    [InlineData("0701234567", "0701234567")]            // a mobile number, ten bare digits
    [InlineData("+46 70-123 45 67", "+46 70-123 45 67")]
    [InlineData("490154203237518", "490154203237518")]  // an IMEI
    [InlineData("0193a1b2-8001-0100-1900-000000000000", "0193a1b2-8001-0100-1900-000000000000")]
    public void Only_a_real_personnummer_is_found_and_masked(string text, string masked) =>
        Assert.Equal(masked, PersonalNumberText.Mask(text));

    [Fact]
    public async Task Nested_personal_values_in_variables_iterations_and_job_inputs_are_encrypted_on_disk_and_clear_to_steps()
    {
        await using var h = await EngineHarness.CreateAsync(DatabaseKind.Sqlite, s => s.AddActivity<SendPersonActivity>());
        var run = Guid.NewGuid().ToString("N");
        var instance = await h.DeployAndStartAsync(Process("carry", $"""
            <bpmn:startEvent id="start" />
            {Service("lookup", "SetVariables", Input("person", "({ name: 'Erik', ssn: '19800101' + '-0019' })"))}
            {Service("send", "Test.SendPerson", Input("run", $"'{run}'") + Input("who", "vars.person"))}
            <bpmn:userTask id="each" rjh:candidateRoles="Employee"><bpmn:multiInstanceLoopCharacteristics rjh:collection="[vars.person]" rjh:elementVariable="member" /></bpmn:userTask>
            """ + Chain("f", "start", "lookup", "send", "each")), new { employeeId = "erik.anstalld" });

        Assert.Equal(1, await h.RunJobsAsync());
        Assert.Equal("19800101-0019", JsonNode.Parse(SendPersonActivity.Received[run])!["ssn"]!.GetValue<string>());
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal("19800101-****", view.Variables["person"]!["ssn"]!.GetValue<string>());
        Assert.Equal("Erik", view.Variables["person"]!["name"]!.GetValue<string>());
        var task = Assert.Single(await h.Queries.ListTasksAsync(EngineHarness.Admin, instance.Id));
        Assert.Equal("19800101-****", task.Variables["member"]!["ssn"]!.GetValue<string>());

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(h.Database.Folder!, "*", SearchOption.AllDirectories))
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain("0101-0019", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_job_retried_with_changed_variables_keeps_its_personal_inputs_encrypted()
    {
        await using var h = await EngineHarness.CreateAsync(DatabaseKind.Sqlite, s => s.AddActivity<OutsideActivity>());
        var run = Guid.NewGuid().ToString("N");
        OutsideActivity.FailuresLeft[run] = 3;
        var instance = await h.DeployAndStartAsync(Process("retried", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Test.Outside", Input("run", "vars.run") + Input("who", "vars.person"))}
            {UserTask("after")}
            """ + Chain("f", "start", "enrol", "after")), new { run, person = new { name = "Erik", ssn = "19800101-0018" } });
        for (var i = 0; i < 3; i++) { await h.RunJobsAsync(); await h.AdvanceAsync(TimeSpan.FromMinutes(1)); }
        var incident = Assert.Single((await h.InstanceAsync(instance.Id)).Incidents);

        // The admin mends the mistyped personnummer; the job's inputs are read from the variables again.
        await h.Engine.RetryIncidentAsync(incident.Id, new JsonObject { ["person"] = new JsonObject { ["name"] = "Erik", ["ssn"] = "19800101-0019" } },
            EngineHarness.Admin);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(h.Database.Folder!, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("0101-0019", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        Assert.Equal(1, await h.RunJobsAsync());
        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElements);
    }
}
