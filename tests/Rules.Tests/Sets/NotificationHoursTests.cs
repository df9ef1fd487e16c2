using RJH.DeviceWorkflows.Rules.Calendar;
using RJH.DeviceWorkflows.Rules.Facts;
using RJH.DeviceWorkflows.Rules.Tests.Support;

namespace RJH.DeviceWorkflows.Rules.Tests.Sets;

/// <summary>No work messages outside working hours unless urgent; facts from the working calendar.</summary>
public sealed class NotificationHoursTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static async Task<PolicyDecision> DecideAsync(DateTimeOffset now, bool urgent)
    {
        var facts = NotificationFacts.For(WorkingHours.Default, now, urgent);
        var policy = await ShippedPolicies.CompiledAsync(PolicySets.NotificationHours);
        return await policy.EvaluateAsync(facts);
    }

    [Fact]
    public async Task In_working_time_sends_now()
    {
        var decision = await DecideAsync(new DateTimeOffset(2026, 3, 4, 10, 0, 0, Winter), urgent: false);

        Assert.Equal("SendNow", decision.Outcome);
        ShippedPolicies.AssertReason(decision, "InWorkingTime");
        Assert.Empty(decision.Outputs);
    }

    [Fact]
    public async Task Urgent_at_23_sends_now()
    {
        var decision = await DecideAsync(new DateTimeOffset(2026, 3, 4, 23, 0, 0, Winter), urgent: true);

        Assert.Equal("SendNow", decision.Outcome);
        ShippedPolicies.AssertReason(decision, "Urgent");
    }

    [Fact]
    public async Task Friday_17_05_defers_until_Monday_07_00()
    {
        var decision = await DecideAsync(new DateTimeOffset(2026, 3, 6, 17, 5, 0, Winter), urgent: false);

        Assert.Equal("Defer", decision.Outcome);
        ShippedPolicies.AssertReason(decision, "OutsideWorkingTime");
        var until = Assert.IsType<DateTimeOffset>(decision.Outputs["until"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 0, 0, Winter), until);
        Assert.Equal(Winter, until.Offset);
        Assert.Contains("(2026-03-09 07:00)", decision.Reasons[0].Message);
    }

    [Fact]
    public async Task Midsummer_eve_defers_past_the_weekend()
    {
        // 19 June 2026 is a Friday and midsummer eve; Monday 22 June is the next working day.
        var decision = await DecideAsync(new DateTimeOffset(2026, 6, 19, 10, 0, 0, Summer), urgent: false);

        Assert.Equal("Defer", decision.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 6, 22, 7, 0, 0, Summer), decision.Outputs["until"]);
    }

    [Fact]
    public async Task Facts_from_JSON_decide_the_same()
    {
        var decision = await ShippedPolicies.DecideAsync(PolicySets.NotificationHours, FactsJson.Of(new
        {
            urgent = false,
            recipientInWorkingTime = false,
            nextWorkingTimeStart = "2026-03-09T07:00:00+01:00",
        }));

        Assert.Equal("Defer", decision.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 0, 0, Winter), decision.Outputs["until"]);
    }
}
