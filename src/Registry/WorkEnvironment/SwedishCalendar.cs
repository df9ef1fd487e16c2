namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>
/// Dates in agreements (notice, follow-ups) are Swedish calendar dates: "today" is the date in Stockholm, not in UTC,
/// so a termination given at 00:30 Swedish time counts from that day.
/// </summary>
internal static class SwedishCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
