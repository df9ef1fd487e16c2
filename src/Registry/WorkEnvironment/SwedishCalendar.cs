namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>
/// Dates in agreements (notice, follow-ups) are Swedish calendar dates: "today" is the date in Stockholm, not in UTC,
/// so a termination given at 00:30 Swedish time counts from that day.
/// </summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>00:00 Stockholm time on the date, as a UTC instant (a timer waits for it).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
