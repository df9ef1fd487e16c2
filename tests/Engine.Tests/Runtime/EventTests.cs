using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

public abstract class EventTests(DatabaseKind kind)
{
    public sealed class Sqlite() : EventTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : EventTests(DatabaseKind.PostgreSql);

    private const string Message = """<bpmn:message id="m1" name="device-delivered" />""";

    [SkippableFact]
    public async Task Timer_catch_fires_after_its_duration_and_not_before()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "wait", "end")));

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(59)));
        Assert.Equal("Running", (await h.InstanceAsync(instance.Id)).Status);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("Completed", (await h.InstanceAsync(instance.Id)).Status);
        Assert.Contains(await h.JournalAsync(instance.Id), j => j.Kind == "TimerFired" && j.ElementId == "wait");
    }

    [SkippableFact]
    public async Task Timer_catch_with_a_date_from_an_expression()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDate>vars.startDate</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "wait", "end")), new { startDate = "2026-12-01T07:00:00+01:00" });

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(6)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal("Completed", (await h.InstanceAsync(instance.Id)).Status);
    }

    [SkippableFact]
    public async Task Message_catch_matches_only_its_correlation_key_and_merges_variables()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var xml = Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="delivered" rjh:correlationKey="vars.orderId"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "delivered", "end"), extraRoot: Message);
        await h.DeployAsync(xml);
        var a = await h.StartAsync("p", new { orderId = "A" });
        var b = await h.StartAsync("p", new { orderId = "B" });

        Assert.Equal(0, await h.Engine.CorrelateMessageAsync("device-delivered", "C", null, EngineHarness.Admin));
        Assert.Equal(1, await h.Engine.CorrelateMessageAsync("device-delivered", "B", new JsonObject { ["imei"] = "35" }, EngineHarness.Admin));

        Assert.Equal("Running", (await h.InstanceAsync(a.Id)).Status);
        var done = await h.InstanceAsync(b.Id);
        Assert.Equal("Completed", done.Status);
        Assert.Equal("35", done.Variables["imei"]!.GetValue<string>());
        Assert.Equal(0, await h.Engine.CorrelateMessageAsync("device-delivered", "B", null, EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task Interrupting_timer_boundary_cancels_the_task_and_takes_its_flow()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + UserTask("approve") + """
            <bpmn:boundaryEvent id="late" attachedToRef="approve"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """ + UserTask("escalated") + "<bpmn:endEvent id=\"end\" />" + Chain("f", "start", "approve", "end") + Flow("g1", "late", "escalated")));
        var task = Assert.Single(await h.OpenTasksAsync(instance.Id));

        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(3)));

        Assert.Equal(["escalated"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal("Cancelled", (await h.Store.FindTaskAsync(task.Id))!.Status.ToString());
    }

    [SkippableFact]
    public async Task Non_interrupting_cycle_timer_reminds_three_times_while_the_task_stays_open()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + UserTask("acknowledge") + """
            <bpmn:boundaryEvent id="remind" attachedToRef="acknowledge" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:scriptTask id="count"><bpmn:script>vars.reminders = (vars.reminders || 0) + 1;</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" /><bpmn:endEvent id="reminded" />
            """ + Chain("f", "start", "acknowledge", "end") + Chain("g", "remind", "count", "reminded")));

        for (var i = 0; i < 5; i++) await h.AdvanceAsync(TimeSpan.FromHours(1));

        var after = await h.InstanceAsync(instance.Id);
        Assert.Equal(3, after.Variables["reminders"]!.GetValue<int>());
        Assert.Equal(["acknowledge"], after.ActiveElements);
        Assert.Equal("Completed", (await h.CompleteAsync(instance.Id, "acknowledge")).Status);
    }

    [SkippableFact]
    public async Task Message_boundary_interrupts_the_activity()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + UserTask("use") + """
            <bpmn:boundaryEvent id="lost" attachedToRef="use" rjh:correlationKey="vars.deviceId"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:boundaryEvent>
            """ + UserTask("block") + "<bpmn:endEvent id=\"end\" />" + Chain("f", "start", "use", "end") + Flow("g", "lost", "block"),
            extraRoot: Message), new { deviceId = "d-1" });

        Assert.Equal(1, await h.Engine.CorrelateMessageAsync("device-delivered", "d-1", null, EngineHarness.Admin));
        Assert.Equal(["block"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.DoesNotContain(await h.OpenTasksAsync(instance.Id), t => t.ElementId == "use");
    }

    [SkippableTheory]
    [InlineData("NoStock", "noStock")]   // the boundary with the exact code wins over the catch-all
    [InlineData("Other", "anyError")]
    public async Task Error_boundary_catches_Fail_by_code_or_catch_all(string code, string expected)
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + Service("reserve", "Fail", Input("code", "vars.code")) + """
            <bpmn:boundaryEvent id="anyError" attachedToRef="reserve"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="noStockError" attachedToRef="reserve"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent>
            """ + UserTask("noStock") + UserTask("anyErrorTask") + "<bpmn:endEvent id=\"end\" />"
                + Chain("f", "start", "reserve", "end") + Flow("g1", "noStockError", "noStock") + Flow("g2", "anyError", "anyErrorTask"),
            extraRoot: """<bpmn:error id="e1" name="No stock" errorCode="NoStock" />"""), new { code });

        Assert.Equal("Running", instance.Status);
        Assert.Equal([expected == "noStock" ? "noStock" : "anyErrorTask"], instance.ActiveElements);
    }

    [SkippableFact]
    public async Task Terminate_end_ends_the_whole_instance_and_cancels_open_tasks()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />
            """ + UserTask("slow") + UserTask("fast") + """
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent><bpmn:endEvent id="end" />
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "slow") + Flow("f2", "fork", "fast")
                + Flow("f3", "fast", "stop") + Flow("f4", "slow", "end")));

        var after = await h.CompleteAsync(instance.Id, "fast");

        Assert.Equal("Terminated", after.Status);
        Assert.Empty(after.ActiveElements);
        Assert.Empty(await h.OpenTasksAsync(instance.Id));
    }

    [SkippableFact]
    public async Task Message_start_event_starts_an_instance_with_the_message_variables()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
            """ + UserTask("handle") + Chain("f", "start", "handle"), extraRoot: Message));

        Assert.Equal(1, await h.Engine.CorrelateMessageAsync("device-delivered", null, new JsonObject { ["imei"] = "1" }, EngineHarness.Admin));

        var started = Assert.Single(await h.Queries.ListInstancesAsync(new(), EngineHarness.Admin));
        Assert.Equal(["handle"], started.ActiveElements);
        Assert.Equal("1", started.Variables["imei"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Timer_start_event_starts_instances_on_its_cycle()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Process("nightly", """
            <bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "end")));

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(23)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(24)));
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(48)));
        var runs = await h.Queries.ListInstancesAsync(new(DefinitionKey: "nightly"), EngineHarness.Admin);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("Completed", r.Status));
    }
}
