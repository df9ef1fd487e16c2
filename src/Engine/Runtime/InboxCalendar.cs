namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Turns an inbox due window into the moment tasks must be due before, by the local calendar.</summary>
internal static class InboxCalendar
{
    public static DateTimeOffset? DueBefore(InboxDue due, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (due == InboxDue.Any) return null;
        if (due == InboxDue.Overdue) return now;
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var end = due == InboxDue.Today ? today.AddDays(1) : today.AddDays(DaysToNextMonday(today.DayOfWeek));
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }

    private static int DaysToNextMonday(DayOfWeek day) => (8 - (int)day) % 7 is var days and > 0 ? days : 7;
}
