using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Embedded sub-processes, call activities and multi-instance markers.</summary>
public abstract class ScopeTests(DatabaseKind kind)
{
    public sealed class Sqlite() : ScopeTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : ScopeTests(DatabaseKind.PostgreSql);

    private static string SubProcessWith(string boundary, string inner) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" /><bpmn:parallelGateway id="subFork" />
          {inner}
        </bpmn:subProcess>
        {boundary}
        {UserTask("after")}{(boundary.Length > 0 ? UserTask("handled") : "")}
        """ + Chain("f", "start", "sub", "after"));

    [SkippableFact]
    public async Task Embedded_sub_process_runs_its_inner_flow_then_continues()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(SubProcessWith("", UserTask("a") + UserTask("b") + """<bpmn:endEvent id="subEnd" />"""
            + Flow("s1", "subStart", "subFork") + Flow("s2", "subFork", "a") + Flow("s3", "subFork", "b") + Flow("s4", "a", "subEnd")));

        Assert.Equal(["a", "b", "sub"], instance.ActiveElements.Order());
        await h.CompleteAsync(instance.Id, "a");
        Assert.Contains("sub", (await h.InstanceAsync(instance.Id)).ActiveElements);
        var after = await h.CompleteAsync(instance.Id, "b");
        Assert.Equal(["after"], after.ActiveElements);
    }

    [SkippableFact]
    public async Task Error_end_event_in_sub_process_is_caught_on_the_sub_process_and_cancels_inner_tokens()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var xml = SubProcessWith(
            """<bpmn:boundaryEvent id="err" attachedToRef="sub"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""" + Flow("g", "err", "handled"),
            UserTask("slow") + UserTask("check") + """<bpmn:endEvent id="broken"><bpmn:errorEventDefinition /></bpmn:endEvent>"""
            + Flow("s1", "subStart", "subFork") + Flow("s2", "subFork", "slow") + Flow("s3", "subFork", "check") + Flow("s4", "check", "broken"));
        var instance = await h.DeployAndStartAsync(xml);
        var slow = (await h.OpenTasksAsync(instance.Id)).Single(t => t.ElementId == "slow");

        var after = await h.CompleteAsync(instance.Id, "check");

        Assert.Equal(["handled"], after.ActiveElements);
        Assert.Equal("Cancelled", (await h.Store.FindTaskAsync(slow.Id))!.Status.ToString());
    }

    [SkippableFact]
    public async Task Interrupting_timer_on_sub_process_cancels_everything_inside()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var xml = SubProcessWith(
            """<bpmn:boundaryEvent id="late" attachedToRef="sub"><bpmn:timerEventDefinition><bpmn:timeDuration>PT8H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""" + Flow("g", "late", "handled"),
            UserTask("a") + UserTask("b") + Flow("s1", "subStart", "subFork") + Flow("s2", "subFork", "a") + Flow("s3", "subFork", "b"));
        var instance = await h.DeployAndStartAsync(xml);

        await h.AdvanceAsync(TimeSpan.FromHours(8));

        Assert.Equal(["handled"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(["handled"], (await h.OpenTasksAsync(instance.Id)).Select(t => t.ElementId));
    }

    private static string Child(string version) => Process("child", $"""
        <bpmn:startEvent id="cs" />
        {UserTask("childTask")}
        {Service("mark", "SetVariables", Input("childVersion", $"'{version}'") + Input("doubled", "vars.n * 2"))}
        <bpmn:endEvent id="ce" />
        """ + Chain("c", "cs", "childTask", "mark", "ce"));

    [SkippableFact]
    public async Task Call_activity_runs_latest_published_child_passing_variables_in_and_out()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Child("v1"));
        await h.DeployAsync(Child("v2"));
        await h.DeployAsync(Child("draft"), publish: false);
        var parent = await h.DeployAndStartAsync(Process("parent", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="child" />
            """ + UserTask("after") + Chain("p", "ps", "call", "after")), new { n = 21 });

        Assert.Equal(["call"], parent.ActiveElements);
        var child = Assert.Single(await h.Queries.ListInstancesAsync(new(DefinitionKey: "child"), EngineHarness.Admin));
        Assert.Equal(2, child.Version);
        Assert.Equal(parent.Id, child.ParentInstanceId);
        Assert.Equal(21, child.Variables["n"]!.GetValue<int>());

        await h.CompleteAsync(child.Id, "childTask", new { fromChild = "yes" });

        var after = await h.InstanceAsync(parent.Id);
        Assert.Equal(["after"], after.ActiveElements);
        Assert.Equal("v2", after.Variables["childVersion"]!.GetValue<string>());
        Assert.Equal(42, after.Variables["doubled"]!.GetValue<int>());
        Assert.Equal("yes", after.Variables["fromChild"]!.GetValue<string>());
        Assert.Equal("Completed", (await h.InstanceAsync(child.Id)).Status);
    }

    [SkippableFact]
    public async Task Error_in_called_process_is_caught_by_the_call_activity_boundary()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Process("child", """
            <bpmn:startEvent id="cs" />
            """ + Service("fail", "Fail", Input("code", "'NoDevice'")) + "<bpmn:endEvent id=\"ce\" />" + Chain("c", "cs", "fail", "ce")));
        var parent = await h.DeployAndStartAsync(Process("parent", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="child" />
            <bpmn:boundaryEvent id="err" attachedToRef="call"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
            """ + UserTask("after") + UserTask("procure") + Chain("p", "ps", "call", "after") + Flow("g", "err", "procure"),
            extraRoot: """<bpmn:error id="e" errorCode="NoDevice" />"""));

        Assert.Equal("Running", parent.Status);
        Assert.Equal(["procure"], parent.ActiveElements);
        var child = Assert.Single(await h.Queries.ListInstancesAsync(new(DefinitionKey: "child"), EngineHarness.Admin));
        Assert.Equal("Faulted", child.Status);
    }

    [SkippableFact]
    public async Task Parallel_multi_instance_user_task_creates_one_task_per_item_and_collects_outputs_in_order()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="return" rjh:candidateRoles="ServiceCenter" rjh:formKey="return-device">
              <bpmn:multiInstanceLoopCharacteristics rjh:collection="vars.devices" rjh:elementVariable="device" rjh:outputCollection="returns" />
            </bpmn:userTask>
            """ + UserTask("after") + Chain("f", "start", "return", "after")), new { devices = new[] { "d1", "d2", "d3" } });

        var tasks = await h.OpenTasksAsync(instance.Id);
        Assert.Equal(3, tasks.Count);
        var views = await Task.WhenAll(tasks.Select(t => h.Queries.GetTaskAsync(t.Id, EngineHarness.Admin)));
        Assert.Equal(["d1", "d2", "d3"], views.Select(v => v!.Variables["device"]!.GetValue<string>()).Order());

        foreach (var view in views.OrderByDescending(v => v!.Variables["device"]!.GetValue<string>()))
            await h.Engine.CompleteTaskAsync(view!.Id, new JsonObject { ["ok"] = view.Variables["device"]!.GetValue<string>() + "-back" }, EngineHarness.Admin);

        var after = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], after.ActiveElements);
        Assert.Equal("""[{"ok":"d1-back"},{"ok":"d2-back"},{"ok":"d3-back"}]""", after.Variables["returns"]!.ToJsonString());
        Assert.False(after.Variables.ContainsKey("ok"));
    }

    [SkippableFact]
    public async Task Sequential_multi_instance_service_task_runs_items_one_after_another()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="step"><bpmn:multiInstanceLoopCharacteristics isSequential="true" rjh:collection="vars.items" rjh:elementVariable="item" rjh:outputCollection="out" rjh:outputElement="vars.item * 10 + vars.loopCounter" />
              <bpmn:script>vars.trace = (vars.trace || '') + vars.item;</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "step", "end")), new { items = new[] { 3, 1, 2 } });

        Assert.Equal("Completed", instance.Status);
        Assert.Equal("[30,11,22]", instance.Variables["out"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Multi_instance_sub_process_and_call_activity()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Process("child", """<bpmn:startEvent id="cs" />""" + Service("set", "SetVariables", Input("answer", "vars.unit + '!'")) + "<bpmn:endEvent id=\"ce\" />" + Chain("c", "cs", "set", "ce")));
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="perUnit">
              <bpmn:multiInstanceLoopCharacteristics rjh:collection="vars.units" rjh:elementVariable="unit" rjh:outputCollection="subOut" rjh:outputElement="vars.unit.length" />
              <bpmn:startEvent id="ss" /><bpmn:endEvent id="se" />
              <bpmn:sequenceFlow id="s1" sourceRef="ss" targetRef="se" />
            </bpmn:subProcess>
            <bpmn:callActivity id="callEach" calledElement="child">
              <bpmn:multiInstanceLoopCharacteristics rjh:collection="vars.units" rjh:elementVariable="unit" rjh:outputCollection="callOut" rjh:outputElement="vars.answer" />
            </bpmn:callActivity>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "perUnit", "callEach", "end")), new { units = new[] { "KIR", "STROKE" } });

        Assert.Equal("Completed", instance.Status);
        Assert.Equal("[3,6]", instance.Variables["subOut"]!.ToJsonString());
        Assert.Equal("""["KIR!","STROKE!"]""", instance.Variables["callOut"]!.ToJsonString());
        Assert.False(instance.Variables.ContainsKey("answer"));
    }

    [SkippableFact]
    public async Task Multi_instance_over_a_non_array_gives_an_incident()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="each"><bpmn:multiInstanceLoopCharacteristics rjh:collection="vars.items" rjh:elementVariable="i" /></bpmn:userTask>
            """ + Chain("f", "start", "each")), new { items = "not an array" });

        Assert.Equal("Faulted", instance.Status);
        Assert.Contains("array", Assert.Single(instance.Incidents).Error);
    }
}
