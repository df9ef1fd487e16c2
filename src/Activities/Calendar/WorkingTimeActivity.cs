using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Activities.Calendar;

/// <summary>
/// Computes an instant for a timer: <c>from</c> (default now) moved by <c>days</c> calendar days, then by
/// <c>workingDays</c> working days of the region's office calendar (Mon–Fri 07–17 Europe/Stockholm,
/// Swedish holidays and eves off). Timers then wait for it; BPMN durations cannot skip weekends.
/// </summary>
[Activity("Calendar.WorkingTime", Category = "Calendar", DisplayNameSv = "Beräkna arbetstid", DisplayNameEn = "Compute working time",
    DescriptionSv = "Flyttar en tidpunkt ett antal dagar och arbetsdagar (helgdagar räknas inte).",
    DescriptionEn = "Moves an instant by days and working days (holidays do not count).")]
[ActivityInput("from", ActivityValueType.Date, DescriptionSv = "Utgångspunkt (standard: nu)", DescriptionEn = "Starting point (default: now)")]
[ActivityInput("days", ActivityValueType.Number, DescriptionSv = "Kalenderdagar att lägga till först", DescriptionEn = "Calendar days to add first")]
[ActivityInput("workingDays", ActivityValueType.Number,
    DescriptionSv = "Arbetsdagar framåt (negativt: bakåt; 0: arbetsdagens början)", DescriptionEn = "Working days ahead (negative: back; 0: the working day's start)")]
[ActivityOutput("at", ActivityValueType.Date, DescriptionSv = "Tidpunkten (ISO 8601, UTC)", DescriptionEn = "The instant (ISO 8601, UTC)")]
public sealed class WorkingTimeActivity(TimeProvider time) : IActivity
{
    private static readonly WorkingCalendar Region = new(WorkingHours.Default);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var at = (context.OptionalInstant("from") ?? time.GetUtcNow()).AddDays(context.OptionalInt("days") ?? 0);
        if (context.OptionalInt("workingDays") is { } workingDays) at = Region.AddWorkingDays(at, workingDays);
        return Task.FromResult(ActivityInputs.Outputs(("at", at.ToUniversalTime().ToString("O"))));
    }
}
