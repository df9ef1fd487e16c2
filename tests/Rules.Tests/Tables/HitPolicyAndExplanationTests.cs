using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Facts;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using RJH.DeviceWorkflows.Rules.Validation;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Tables;

public sealed class HitPolicyAndExplanationTests
{
    private readonly PolicyEvaluator evaluator = new(new PolicyValidator());

    private static readonly object[] Inputs = [TableJson.Input("employee.sharesExtension", "boolean"), TableJson.Input("request.deviceType", "enum")];

    private static Dictionary<string, string> Cells(string shares, string type) => new()
    {
        ["employee.sharesExtension"] = shares, ["request.deviceType"] = type,
    };

    private static string Table(string hitPolicy) => TableJson.Table("entitlement",
    [
        TableJson.Row("Tablet", "Granted", Cells("-", "Tablet")),
        TableJson.Row("Shares", "Alternative", Cells("true", "-"), outputs: new { suggestedDeviceType = "DataOnlyPhone" }),
        TableJson.Row("SharesPhone", "Denied", Cells("true", "Phone")),
        TableJson.Row("Otherwise", "ManagerJudgement", Cells("-", "-")),
    ], Inputs, hitPolicy);

    [Fact]
    public async Task First_the_first_matching_row_decides_even_when_later_rows_match_too()
    {
        var decision = await evaluator.EvaluateAsync(PolicySets.Entitlement, 1, Table("First"),
            Device(Employee(sharesExtension: true), request: Request("Phone")));

        Assert.Equal(("Alternative", "Shares"), (decision.Outcome, Assert.Single(decision.Reasons).Rule));
        Assert.Equal("DataOnlyPhone", decision.Outputs["suggestedDeviceType"]);
    }

    [Fact]
    public async Task Collect_every_matching_row_gives_its_reason_and_the_first_its_outcome()
    {
        var decision = await evaluator.EvaluateAsync(PolicySets.Entitlement, 2, Table("Collect"),
            Device(Employee(sharesExtension: true), request: Request("Phone")));

        Assert.Equal(["Shares", "SharesPhone", "Otherwise"], decision.Reasons.Select(r => r.Rule));
        Assert.Equal("Alternative", decision.Outcome);
        Assert.Equal("Collect", decision.Explanation!.HitPolicy);
        Assert.Equal("Tablet", Assert.Single(decision.Explanation.NotMatched).Rule);
    }

    [Fact]
    public async Task The_explanation_shows_the_deciding_rows_cells_with_the_values_seen_and_the_first_failed_cell_of_each_row_above()
    {
        var decision = await evaluator.EvaluateAsync(PolicySets.Entitlement, 1, Table("First"),
            Device(Employee(sharesExtension: false), request: Request("Phone")));

        Assert.Equal("Otherwise", decision.Reasons[0].Rule);
        var explanation = decision.Explanation!;
        Assert.Empty(explanation.Decided);
        Assert.Equal(["Tablet", "Shares", "SharesPhone"], explanation.NotMatched.Select(t => t.Rule));
        var tablet = explanation.NotMatched[0];
        Assert.Equal(("request.deviceType", "Tablet", false), (tablet.Cell, tablet.Test, tablet.Result));
        Assert.Equal("Phone", tablet.Seen["request.deviceType"]);
        var shares = explanation.NotMatched[1];
        Assert.Equal(("employee.sharesExtension", "true"), (shares.Cell, shares.Test));
        Assert.Equal(false, shares.Seen["employee.sharesExtension"]);
    }

    [Fact]
    public async Task The_explanation_of_a_shipped_set_names_the_deciding_cells_and_the_condition_values()
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Entitlement, Device(Employee(remoteWork: true)));

        var explanation = decision.Explanation!;
        var condition = Assert.Single(explanation.Decided);
        Assert.Equal(("NeedsCalls", "condition", true), (condition.Rule, condition.Cell, condition.Result));
        Assert.Equal(true, condition.Seen["employee.remoteWorkAgreement"]);
        Assert.Equal(false, condition.Seen["employee.hasOwnExtension"]);
        Assert.Equal(["ReplacementOrLoss", "AlreadyHasDevice", "UnitUnderRollout", "Manager"], explanation.NotMatched.Select(t => t.Rule));
        Assert.Equal("New", explanation.NotMatched[0].Seen["request.reason"]);
        Assert.Equal(("isManager", false), (explanation.NotMatched[3].Cell, explanation.NotMatched[3].Seen["isManager"]));
    }

    [Fact]
    public async Task Notification_hours_need_no_next_working_time_when_urgent_or_in_working_time()
    {
        var urgent = await ShippedPolicies.DecideAsync(PolicySets.NotificationHours, Of(new { urgent = true, recipientInWorkingTime = false }));
        var working = await ShippedPolicies.DecideAsync(PolicySets.NotificationHours, Of(new { urgent = false, recipientInWorkingTime = true }));

        Assert.Equal(("SendNow", "Urgent"), (urgent.Outcome, urgent.Reasons[0].Rule));
        Assert.Equal(("SendNow", "InWorkingTime"), (working.Outcome, working.Reasons[0].Rule));
    }

    [Fact]
    public async Task Notification_hours_deferring_without_a_next_working_time_is_a_facts_error()
    {
        var error = await Assert.ThrowsAsync<PolicyFactsException>(() =>
            ShippedPolicies.DecideAsync(PolicySets.NotificationHours, Of(new { urgent = false, recipientInWorkingTime = false })));

        Assert.Contains("'OutsideWorkingTime'", error.Message);
        Assert.Contains("'until'", error.Message);
    }

    [Fact]
    public async Task A_row_below_the_deciding_one_may_read_a_part_the_facts_leave_out()
    {
        // Under rollout is false, so UnitUnderRollout fails on the request before it would read the unit.
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Entitlement,
            Of(new { employee = Employee(roles: ["Manager"]), request = Request("Phone", "New") }));

        Assert.Equal(("Granted", "Manager"), (decision.Outcome, decision.Reasons[0].Rule));
    }

    [Fact]
    public async Task Each_version_is_one_session_factory_and_every_decision_a_fresh_session()
    {
        var policy = await ShippedPolicies.CompiledAsync(PolicySets.Entitlement);
        var facts = new DeviceFacts
        {
            Employee = new Employee { Id = "e", SharesExtension = true },
            Request = new DeviceRequest { DeviceType = DeviceType.Phone, Reason = RequestReason.New },
        };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => policy.Evaluate(facts))));

        Assert.All(decisions, d => Assert.Equal("SharedExtensionPhone", d.Reasons[0].Rule));
    }

    [Fact]
    public void A_decision_kept_in_a_workflow_has_no_explanation()
    {
        var decision = new PolicyDecision("entitlement", 1, "Granted", new Dictionary<string, object?>(), []) with { Explanation = new("First", [], []) };

        Assert.Null(decision.WithoutExplanation().Explanation);
    }
}
