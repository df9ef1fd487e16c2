using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

public sealed class InboxCalendarTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    // Late on a Tuesday evening in Stockholm, already Wednesday in no zone that matters: today ends at 23:00 UTC.
    [InlineData("2026-11-24T22:30:00Z", InboxDue.Today, "2026-11-24T23:00:00Z")]
    [InlineData("2026-11-24T22:30:00Z", InboxDue.ThisWeek, "2026-11-29T23:00:00Z")]
    // Shortly after midnight local time, UTC is still on the day before.
    [InlineData("2026-11-29T23:30:00Z", InboxDue.Today, "2026-11-30T23:00:00Z")]
    [InlineData("2026-11-29T23:30:00Z", InboxDue.ThisWeek, "2026-12-06T23:00:00Z")]
    // The Sunday summer time begins: the day is 23 hours long and the week ends at midnight CEST.
    [InlineData("2026-03-29T10:00:00Z", InboxDue.Today, "2026-03-29T22:00:00Z")]
    [InlineData("2026-03-29T10:00:00Z", InboxDue.ThisWeek, "2026-03-29T22:00:00Z")]
    [InlineData("2026-03-29T10:00:00Z", InboxDue.Overdue, "2026-03-29T10:00:00Z")]
    public void Windows_end_at_local_midnight(string now, InboxDue due, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), InboxCalendar.DueBefore(due, DateTimeOffset.Parse(now), Stockholm));

    [Fact]
    public void Any_due_has_no_bound() =>
        Assert.Null(InboxCalendar.DueBefore(InboxDue.Any, DateTimeOffset.UnixEpoch, Stockholm));
}
