using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

public abstract class BasicElementTests(DatabaseKind kind)
{
    public sealed class Sqlite() : BasicElementTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : BasicElementTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task None_start_to_none_end_completes_and_journals()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:endEvent id="end" />
            """ + Chain("f", "start", "end")));

        Assert.Equal("Completed", instance.Status);
        Assert.Empty(instance.ActiveElements);
        var kinds = (await h.JournalAsync(instance.Id)).Select(j => j.Kind).ToList();
        Assert.Equal("InstanceStarted", kinds[0]);
        Assert.Contains("ElementEntered", kinds);
        Assert.Equal("InstanceCompleted", kinds[^1]);
    }

    [SkippableFact]
    public async Task User_task_waits_with_roles_form_assignee_and_due_time_then_merges_variables()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" name="Godkänn" rjh:assignee="vars.manager" rjh:candidateRoles="Manager, HR" rjh:formKey="approve-order" rjh:dueIn="P2D" />
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "approve", "end")), new { manager = "anna.chef" });

        Assert.Equal(["approve"], instance.ActiveElements);
        var task = Assert.Single(await h.OpenTasksAsync(instance.Id));
        Assert.Equal("anna.chef", task.Assignee);
        Assert.Equal(["Manager", "HR"], task.CandidateRoles);
        Assert.Equal("approve-order", task.FormKey);
        Assert.Equal("Godkänn", task.Name);
        Assert.Equal(h.Clock.GetUtcNow().AddDays(2), task.DueAt);

        var anna = new Caller("anna.chef", new HashSet<string> { "Manager" });
        await h.Engine.CompleteTaskAsync(task.Id, new JsonObject { ["approved"] = true }, anna);

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal("Completed", done.Status);
        Assert.True(done.Variables["approved"]!.GetValue<bool>());
        var completion = Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == "TaskCompleted");
        Assert.Equal("anna.chef", completion.Actor);
    }

    [SkippableFact]
    public async Task Service_task_runs_activity_with_inputs_and_output_mappings_see_result()
    {
        await using var h = await EngineHarness.CreateAsync(kind, s => s.AddActivity<RecordingActivity>());
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + Service("call", "Test.Record", Input("amount", "vars.price * 2"), Output("total", "result.amount + 1")) + """
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "call", "end")), new { price = 10 });

        Assert.Equal("Completed", instance.Status);
        Assert.Equal(21, instance.Variables["total"]!.GetValue<int>());
        Assert.False(instance.Variables.ContainsKey("amount"));
        var note = Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == "ActivityNote");
        Assert.Equal(("call", "recorded 1 input(s)"), (note.ElementId, note.Detail));
    }

    [SkippableTheory]
    [InlineData("sendTask")]
    [InlineData("businessRuleTask")]
    public async Task Send_and_business_rule_tasks_run_their_activity(string element)
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:{element} id="t" rjh:activity="SetVariables"><bpmn:extensionElements>{Input("outcome", "'Granted'")}</bpmn:extensionElements></bpmn:{element}>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "t", "end")));

        Assert.Equal("Granted", instance.Variables["outcome"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task SetVariables_turns_each_input_into_a_variable()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + Service("set", "SetVariables", Input("a", "1 + 1") + Input("b", "({ nested: [vars.x, 'y'] })")) + """
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "set", "end")), new { x = "x" });

        Assert.Equal(2, instance.Variables["a"]!.GetValue<int>());
        Assert.Equal("""{"nested":["x","y"]}""", instance.Variables["b"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Script_task_changes_variables_through_vars()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script>vars.count = vars.count + 1; vars.names = ['a', 'b'];</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "script", "end")), new { count = 41 });

        Assert.Equal(42, instance.Variables["count"]!.GetValue<int>());
        Assert.Equal("""["a","b"]""", instance.Variables["names"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Failing_activity_gives_an_incident_naming_the_element_and_faults_the_instance()
    {
        await using var h = await EngineHarness.CreateAsync(kind, s => s.AddActivity<ThrowingActivity>());
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + Service("mdm", "Test.Throw") + """
            <bpmn:endEvent id="end" />
            """ + Chain("f", "start", "mdm", "end")));

        Assert.Equal("Faulted", instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("mdm", incident.ElementId);
        Assert.Contains("simulated outage", incident.Error);
        Assert.Equal(["mdm"], instance.ActiveElements);
    }

    [SkippableFact]
    public async Task Variables_keep_every_json_kind()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var variables = JsonNode.Parse("""{"o":{"a":1},"arr":[1,"two",null,true],"n":1.5,"s":"å","b":false,"nil":null}""")!.AsObject();
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" />
            """ + UserTask("wait") + Chain("f", "start", "wait")), variables);

        var loaded = await h.InstanceAsync(instance.Id);
        Assert.True(JsonNode.DeepEquals(variables, loaded.Variables), loaded.Variables.ToJsonString());
    }
}
