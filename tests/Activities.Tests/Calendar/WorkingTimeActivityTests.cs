using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Activities.Calendar;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Tests.Calendar;

public sealed class WorkingTimeActivityTests
{
    private static async Task<DateTimeOffset> RunAsync(DateTimeOffset now, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new WorkingTimeActivity(new FakeTimeProvider(now));
        var context = new ActivityContext(Guid.NewGuid(), null, "step", "key", inputs.ToDictionary(i => i.Name, i => i.Value));
        var result = await activity.ExecuteAsync(context, CancellationToken.None);
        return DateTimeOffset.Parse(result.Outputs["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Three_working_days_from_now_skip_the_weekend()
    {
        // Thursday 3 December 2026, 10:00 Stockholm (09:00 UTC) → Tuesday 8 December, 10:00.
        var at = await RunAsync(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), ("workingDays", 3));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public async Task Five_working_days_before_a_start_date()
    {
        var at = await RunAsync(DateTimeOffset.UnixEpoch, ("from", "2026-12-07"), ("workingDays", -5));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), at);   // 07:00 Stockholm
    }

    [Fact]
    public async Task Calendar_days_without_working_days_keep_the_time()
    {
        var at = await RunAsync(DateTimeOffset.UnixEpoch, ("from", "2026-12-04T16:00:00Z"), ("days", 7));
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 16, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public async Task A_malformed_date_fails_the_step_naming_the_input()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(DateTimeOffset.UnixEpoch, ("from", "next week")));
        Assert.Contains("'from'", e.Message);
    }
}
