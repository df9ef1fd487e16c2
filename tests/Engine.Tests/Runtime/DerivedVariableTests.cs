using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Stands in for Register.DescribeEmployee: who the employee is and who their manager is, from the register.</summary>
[Activity("Test.DescribeEmployee", Category = "Register")]
public sealed class DescribeEmployeeActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?>
        {
            ["employee"] = new JsonObject { ["userName"] = "erik", ["managerUserName"] = "anna" },
        }));
}

/// <summary>
/// Issue 13, hole 2: variables a register step set (who the employee's manager is) decide who gets the approval; a task
/// completion or a message may not set them, so the assignee always comes from the register.
/// </summary>
public abstract class DerivedVariableTests(DatabaseKind kind)
{
    public sealed class Sqlite() : DerivedVariableTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : DerivedVariableTests(DatabaseKind.PostgreSql);

    private const string Message = """<bpmn:message id="m1" name="agreement-changed" />""";

    private static readonly string Agreement = Process("agreement", $"""
        <bpmn:startEvent id="start" />
        {Service("describe", "Test.DescribeEmployee", outputs: Output("employee", "result.employee"))}
        {UserTask("draft")}
        <bpmn:intermediateCatchEvent id="changed" rjh:correlationKey="vars.agreementKey"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="approve" name="approve" rjh:assignee="vars.employee.managerUserName" rjh:formKey="approve-form" />
        <bpmn:endEvent id="end" />
        """ + Chain("f", "start", "describe", "draft", "changed", "approve", "end"), extraRoot: Message);

    private static Task<EngineHarness> Harness(DatabaseKind kind) =>
        EngineHarness.CreateAsync(kind, s => s.AddActivity<DescribeEmployeeActivity>());

    [SkippableFact]
    public async Task Completing_a_task_with_a_variable_from_the_register_is_refused_and_changes_nothing()
    {
        await using var h = await Harness(kind);
        var instance = await h.DeployAndStartAsync(Agreement, new { agreementKey = "A1" });

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => h.CompleteAsync(instance.Id, "draft",
            new { text = "hemma tisdagar", employee = new { userName = "erik", managerUserName = "erik" } }));

        Assert.Contains("variables.employee", refused.Message);
        var after = await h.InstanceAsync(instance.Id);
        Assert.Contains("draft", after.ActiveElements);
        Assert.Null(after.Variables["text"]);
        Assert.Equal("anna", after.Variables["employee"]!["managerUserName"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_message_may_not_set_it_either_and_the_approval_goes_to_the_manager_in_the_register()
    {
        await using var h = await Harness(kind);
        var instance = await h.DeployAndStartAsync(Agreement, new { agreementKey = "A2" });
        await h.CompleteAsync(instance.Id, "draft", new { text = "hemma tisdagar" });

        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Engine.CorrelateMessageAsync("agreement-changed", "A2",
            new JsonObject { ["employee"] = new JsonObject { ["managerUserName"] = "erik" } }, EngineHarness.Admin));
        Assert.Equal(1, await h.Engine.CorrelateMessageAsync("agreement-changed", "A2",
            new JsonObject { ["reason"] = "ny arbetstid" }, EngineHarness.Admin));

        var approval = Assert.Single(await h.OpenTasksAsync(instance.Id));
        Assert.Equal(("approve", "anna"), (approval.ElementId, approval.Assignee));
    }
}
