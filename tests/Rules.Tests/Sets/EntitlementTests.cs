using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Sets;

/// <summary>The entitlement table, line by line; first matching line wins.</summary>
public sealed class EntitlementTests
{
    public static TheoryData<string, JsonElement, string, string, string?> Lines => new()
    {
        // case, facts, outcome, deciding rule, suggestedDeviceType
        { "1 replacement", Device(request: Request("Phone", "Replacement")), "Granted", "ReplacementOrLoss", null },
        { "1 loss, even with a phone already", Device(Employee(devices: ["Phone"]), request: Request("Phone", "Loss")), "Granted", "ReplacementOrLoss", null },
        { "2 new phone, has one", Device(Employee(roles: ["Manager"], devices: ["Phone"]), request: Request("Phone", "New")), "Denied", "AlreadyHasDevice", null },
        { "2 has a tablet, asks a phone: not line 2", Device(Employee(roles: ["Manager"], devices: ["Tablet"]), request: Request("Phone")), "Granted", "Manager", null },
        { "3 voluntary rollout", Device(unit: Unit("Voluntary"), request: Request("Phone", "New", underRollout: true)), "Granted", "UnitUnderRollout", null },
        { "3 mandatory rollout", Device(unit: Unit("Mandatory"), request: Request("Tablet", "New", underRollout: true)), "Granted", "UnitUnderRollout", null },
        { "3 under rollout but unit has none", Device(unit: Unit("None"), request: Request("Phone", "New", underRollout: true)), "ManagerJudgement", "Otherwise", null },
        { "4 manager", Device(Employee(roles: ["Nurse", "Manager"])), "Granted", "Manager", null },
        { "5 own extension", Device(Employee(ownExtension: true)), "Granted", "NeedsCalls", null },
        { "5 remote work", Device(Employee(remoteWork: true)), "Granted", "NeedsCalls", null },
        { "5 large area", Device(Employee(largeArea: true)), "Granted", "NeedsCalls", null },
        { "6 shares extension, phone", Device(Employee(sharesExtension: true), request: Request("Phone")), "Alternative", "SharedExtensionPhone", "DataOnlyPhone" },
        { "6 shares extension, tablet", Device(Employee(sharesExtension: true), request: Request("Tablet")), "Granted", "SharedExtensionDataDevice", null },
        { "6 shares extension, data-only phone", Device(Employee(sharesExtension: true), request: Request("DataOnlyPhone")), "Granted", "SharedExtensionDataDevice", null },
        { "7 otherwise", Device(), "ManagerJudgement", "Otherwise", null },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Decides_each_line(string line, JsonElement facts, string outcome, string rule, string? suggested)
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Entitlement, facts);

        Assert.True(outcome == decision.Outcome, $"{line}: expected {outcome}, got {decision.Outcome}");
        Assert.Equal(PolicySets.Entitlement, decision.Set);
        Assert.Equal(1, decision.Version);
        ShippedPolicies.AssertReason(decision, rule);
        if (suggested is null)
            Assert.Empty(decision.Outputs);
        else
            Assert.Equal(suggested, Assert.Contains("suggestedDeviceType", decision.Outputs));
    }

    [Fact]
    public async Task Alternative_reason_names_the_suggested_device()
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Entitlement,
            Device(Employee(sharesExtension: true), request: Request("Phone")));

        Assert.Contains("DataOnlyPhone föreslås", decision.Reasons[0].Message);
    }

    [Fact]
    public async Task Parts_a_set_does_not_reach_may_be_left_out()
    {
        // Line 1 decides on the request alone.
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Entitlement,
            Of(new { employee = Employee(), request = Request("Phone", "Loss") }));

        Assert.Equal("Granted", decision.Outcome);
    }

    [Fact]
    public async Task A_part_a_deciding_rule_reads_may_not_be_left_out()
    {
        var error = await Assert.ThrowsAsync<PolicyFactsException>(() => ShippedPolicies.DecideAsync(
            PolicySets.Entitlement, Of(new { employee = Employee(), request = Request("Phone", "New", underRollout: true) })));

        Assert.Equal("Rule 'UnitUnderRollout' reads unit, which the facts leave out.", error.Message);
    }
}
