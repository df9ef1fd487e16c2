using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Sets;

/// <summary>Who pays: the three payers of the issue, with their cost centres.</summary>
public sealed class FinancingTests
{
    public static TheoryData<string, JsonElement, string, string, string?> Lines => new()
    {
        { "mandatory rollout", Device(unit: Unit("Mandatory"), request: Request(underRollout: true)), "Administration", "MandatoryRollout", "adm-2" },
        { "voluntary rollout", Device(unit: Unit("Voluntary"), request: Request(underRollout: true)), "RegionDirector", "VoluntaryRollout", null },
        { "not under rollout", Device(unit: Unit("Mandatory"), request: Request(underRollout: false)), "Unit", "UnitPays", "unit-7" },
        { "under rollout, unit has none", Device(unit: Unit("None"), request: Request(underRollout: true)), "Unit", "UnitPays", "unit-7" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Decides_the_payer(string line, JsonElement facts, string payer, string rule, string? costCenter)
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Financing, facts);

        Assert.True(payer == decision.Outcome, $"{line}: expected {payer}, got {decision.Outcome}");
        ShippedPolicies.AssertReason(decision, rule);
        if (costCenter is null)
            Assert.Empty(decision.Outputs);
        else
        {
            Assert.Equal(costCenter, Assert.Contains("costCenter", decision.Outputs));
            Assert.Contains($"kostnadsställe {costCenter}", decision.Reasons[0].Message);
        }
    }

    [Fact]
    public async Task Region_director_reason_is_the_swedish_name_of_the_payer()
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.Financing,
            Device(unit: Unit("Voluntary"), request: Request(underRollout: true)));

        Assert.Contains("Regiondirektörens förvaltningsområde betalar", decision.Reasons[0].Message);
    }
}
