using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Sets;

/// <summary>No devices to a unit before a signed-off risk assessment covers it, at area level at the highest.</summary>
public sealed class RolloutGateTests
{
    private static JsonElement UnderRollout(params (string, string)[] assessments) =>
        Device(unit: Unit("Voluntary", assessments), request: Request(underRollout: true));

    public static TheoryData<string, JsonElement, string, string> Lines => new()
    {
        { "not under rollout", Device(request: Request(underRollout: false)), "NotRequired", "NotUnderRollout" },
        { "approved at unit", UnderRollout(("Unit", "Approved")), "Open", "ApprovedAtUnit" },
        { "approved at area", UnderRollout(("Area", "Approved")), "Open", "ApprovedAtArea" },
        { "approved at area, draft at unit", UnderRollout(("Unit", "Draft"), ("Area", "Approved")), "Open", "ApprovedAtArea" },
        { "none exists", UnderRollout(), "Closed", "NoAssessment" },
        { "submitted, not approved yet", UnderRollout(("Unit", "Submitted")), "Closed", "NotApprovedYet" },
        { "rejected at area", UnderRollout(("Area", "Rejected")), "Closed", "NotApprovedYet" },
        { "only at administration", UnderRollout(("Administration", "Approved")), "Closed", "OnlyAboveAreaLevel" },
        { "only at region", UnderRollout(("Region", "Approved")), "Closed", "OnlyAboveAreaLevel" },
        { "a draft at region is none at unit or area", UnderRollout(("Region", "Draft")), "Closed", "NoAssessment" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Decides_each_line(string line, JsonElement facts, string outcome, string rule)
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.RolloutGate, facts);

        Assert.True(outcome == decision.Outcome, $"{line}: expected {outcome}, got {decision.Outcome}");
        ShippedPolicies.AssertReason(decision, rule);
        Assert.Empty(decision.Outputs);
    }

    [Fact]
    public async Task Administration_level_approval_is_closed_and_says_area_level_at_the_highest()
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.RolloutGate, UnderRollout(("Administration", "Approved")));

        Assert.Equal("Closed", decision.Outcome);
        Assert.Contains("områdesnivå som högst", decision.Reasons[0].Message);
        Assert.Contains("at area level at the highest", decision.Reasons[0].English);
    }

    [Fact]
    public async Task The_three_closed_reasons_differ()
    {
        var none = await ShippedPolicies.DecideAsync(PolicySets.RolloutGate, UnderRollout());
        var pending = await ShippedPolicies.DecideAsync(PolicySets.RolloutGate, UnderRollout(("Unit", "Draft")));
        var above = await ShippedPolicies.DecideAsync(PolicySets.RolloutGate, UnderRollout(("Region", "Approved")));

        Assert.Equal(3, new[] { none, pending, above }.Select(d => d.Reasons[0].Message).Distinct().Count());
        Assert.Contains("ingen riskbedömning", none.Reasons[0].Message);
        Assert.Contains("inte godkänd ännu", pending.Reasons[0].Message);
    }
}
