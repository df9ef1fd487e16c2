namespace RJH.DeviceWorkflows.Rules.Calendar;

/// <summary>
/// When a person with <see cref="WorkingHours"/> is at work. The product must not push work messages
/// outside working time unless urgent; this says when that time is and when it next begins.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo zone;
    private readonly HashSet<DayOfWeek> days;

    /// <exception cref="ArgumentException">The hours are empty or the time zone is unknown.</exception>
    public WorkingCalendar(WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.Start >= hours.End)
            throw new ArgumentException($"Working hours must start before they end ({hours.Start}–{hours.End}).", nameof(hours));
        if (hours.Days.Count == 0)
            throw new ArgumentException("Working hours need at least one working weekday.", nameof(hours));
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Unknown time zone '{hours.TimeZoneId}'.", nameof(hours), e);
        }
        Hours = hours;
        days = [.. hours.Days];
    }

    public WorkingHours Hours { get; }

    /// <summary>A working weekday that is no Swedish holiday or eve.</summary>
    public bool IsWorkingDay(DateOnly date) => days.Contains(date.DayOfWeek) && !SwedishHolidays.IsDayOff(date);

    public bool IsWorkingTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Hours.Start && time < Hours.End;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="at"/> that is working time: <paramref name="at"/>
    /// itself (in the calendar's offset) during working time, else the start of the next working day.
    /// </summary>
    public DateTimeOffset NextWorkingTimeStart(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date) && time < Hours.End)
            return time >= Hours.Start ? local : StartOf(date);
        // A year always has working days unless every weekday is a holiday, which the constructor rules out.
        for (var day = date.AddDays(1); day <= date.AddYears(1); day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) return StartOf(day);
        }
        throw new InvalidOperationException("No working day within a year.");
    }

    /// <summary>
    /// <paramref name="workingDays"/> working days from <paramref name="from"/>: forward at the same local time
    /// (the day's start when <paramref name="from"/> is outside working hours), backward at the day's start;
    /// 0 gives the start of the first working day on or after <paramref name="from"/>'s date.
    /// "Remind after 3 working days", "begin 5 working days before the start date".
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays)
    {
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (workingDays <= 0)
        {
            if (workingDays == 0)
            {
                while (!IsWorkingDay(date)) date = date.AddDays(1);
                return StartOf(date);
            }
            for (var left = -workingDays; left > 0;)
            {
                date = date.AddDays(-1);
                if (IsWorkingDay(date)) left--;
            }
            return StartOf(date);
        }
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return time >= Hours.Start && time < Hours.End ? At(date, time) : StartOf(date);
    }

    private DateTimeOffset StartOf(DateOnly date) => At(date, Hours.Start);

    private DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        // A start inside the spring-forward gap begins when the clocks have jumped.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        // In the autumn's repeated hour, the first occurrence (the larger, summer-time offset).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
