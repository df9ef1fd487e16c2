using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Support.Processes;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Activities;

/// <summary>Workflow.PublishMessage through real Hangfire: one step releases other instances waiting under each key.</summary>
public sealed class PublishMessageActivityTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Instances_waiting_under_the_published_keys_move_on_and_others_keep_waiting()
    {
        var message = "unit-ready-" + Guid.NewGuid().ToString("N");
        await host.DeployAsync(Process("waiter", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait" rjh:correlationKey="vars.unitId"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Chain("start", "wait", "end")}
            """).Replace("<bpmn:process", $"""<bpmn:message id="m" name="{message}" /><bpmn:process"""));
        await host.DeployAsync(Process("publisher", $"""
            <bpmn:startEvent id="start" />
            {Service("publish", "Workflow.PublishMessage", ("name", $"'{message}'"), ("correlationKeys", "['U1', 'U2', 'U1']"), ("variables", "({ by: 'publisher' })"))}
            <bpmn:endEvent id="end" />
            {Chain("start", "publish", "end")}
            """));
        using var erik = await host.ClientFor("erik.anstalld");
        var waiting = new Dictionary<string, object>();
        foreach (var unit in new[] { "U1", "U2", "U3" })
            waiting[unit] = (await erik.StartInstanceAsync("waiter", new { unitId = unit }))["id"]!.GetValue<Guid>();

        var publisher = await erik.StartInstanceAsync("publisher");
        var published = await erik.WaitForInstanceAsync(publisher["id"]!, i => i.Status() == "Completed");

        Assert.Equal(2, published["variables"]!["publishResult"]!["delivered"]!.GetValue<int>());
        foreach (var unit in new[] { "U1", "U2" })
        {
            var done = await erik.WaitForInstanceAsync(waiting[unit], i => i.Status() == "Completed");
            Assert.Equal("publisher", done["variables"]!["by"]!.GetValue<string>());
        }
        using var admin = await host.ClientFor("admin");
        var still = await admin.WaitForInstanceAsync(waiting["U3"], i => i.Status() == "Running");
        Assert.Equal(["wait"], still["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
