namespace RJH.DeviceWorkflows.Rules.Calendar;

/// <summary>
/// A person's working hours: the weekdays worked, from <see cref="Start"/> to <see cref="End"/> local
/// time in <see cref="TimeZoneId"/>. Swedish public holidays and the eves are off whatever the days say.
/// The default is the region's office day, Mon–Fri 07:00–17:00 Europe/Stockholm.
/// </summary>
public sealed record WorkingHours
{
    public string TimeZoneId { get; init; } = "Europe/Stockholm";

    public IReadOnlyList<DayOfWeek> Days { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly Start { get; init; } = new(7, 0);

    /// <summary>Exclusive: at 17:00 the day is over.</summary>
    public TimeOnly End { get; init; } = new(17, 0);

    public static WorkingHours Default { get; } = new();
}
