using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Rules.Facts;

/// <summary>The facts of the <c>notification-hours</c> set, usually built by <see cref="For(WorkingHours, DateTimeOffset, bool)"/>.</summary>
public sealed record NotificationFacts
{
    public required bool Urgent { get; init; }
    public required bool RecipientInWorkingTime { get; init; }
    /// <summary>
    /// Needed only when the message is deferred: JSON facts may leave it out when the message is urgent or the
    /// recipient is in working time (then it is the default value, which the rules see as left out).
    /// </summary>
    public DateTimeOffset NextWorkingTimeStart { get; init; }

    /// <summary>The facts for a message to a recipient with these hours, at <paramref name="now"/>.</summary>
    public static NotificationFacts For(WorkingHours recipientHours, DateTimeOffset now, bool urgent)
    {
        var calendar = new WorkingCalendar(recipientHours);
        return new NotificationFacts
        {
            Urgent = urgent,
            RecipientInWorkingTime = calendar.IsWorkingTime(now),
            NextWorkingTimeStart = calendar.NextWorkingTimeStart(now),
        };
    }

    /// <summary>The facts for a message sent now by <paramref name="time"/>'s clock.</summary>
    public static NotificationFacts For(WorkingHours recipientHours, TimeProvider time, bool urgent) =>
        For(recipientHours, time.GetUtcNow(), urgent);
}
