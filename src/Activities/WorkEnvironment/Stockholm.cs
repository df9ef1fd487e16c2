namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>Agreement dates are Swedish calendar dates: today and midnight are Stockholm's, not UTC's.</summary>
internal static class Stockholm
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>00:00 Stockholm time on the date, as a UTC instant (a timer waits for it).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
