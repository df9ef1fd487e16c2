using System.Globalization;
using RJH.DeviceWorkflows.Rules;
using RJH.DeviceWorkflows.Rules.Calendar;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>The <c>notification-hours</c> policy's answer for one recipient: send now, or hold until <see cref="HeldUntil"/>.</summary>
public sealed record NotificationPlan(PolicyDecision Decision, DateTimeOffset? HeldUntil)
{
    public bool SendNow => HeldUntil is null;
}

/// <summary>
/// Asks the <c>notification-hours</c> policy whether a message to someone with these working hours may go now
/// (Notify.Email, unit messages). Only SendNow and Defer are known; anything else is a fault of the rule set.
/// </summary>
public sealed class NotificationHours(IPolicyService policies, TimeProvider time)
{
    public async Task<NotificationPlan> DecideAsync(WorkingHours hours, bool urgent, CancellationToken ct)
    {
        var facts = NotificationFacts.For(hours, time, urgent);
        var decision = await policies.EvaluateAsync(PolicySets.NotificationHours, facts, ct: ct);
        return decision.Outcome switch
        {
            "SendNow" => new NotificationPlan(decision, null),
            "Defer" => new NotificationPlan(decision, DeferredUntil(decision, facts)),
            _ => throw new InvalidOperationException(
                $"The {PolicySets.NotificationHours} policy decided '{decision.Outcome}'; only SendNow and Defer are known."),
        };
    }

    /// <summary>
    /// The rule's <c>until</c>, else the facts' next working time (a rule set edited to defer without saying
    /// until when). A time not after now would defer forever, so it is a fault of the rule set.
    /// </summary>
    private DateTimeOffset DeferredUntil(PolicyDecision decision, NotificationFacts facts)
    {
        var until = decision.Outputs.GetValueOrDefault("until") switch
        {
            DateTimeOffset t => t,
            DateTime t => new DateTimeOffset(t),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) => t,
            _ => facts.NextWorkingTimeStart,
        };
        return until > time.GetUtcNow()
            ? until
            : throw new InvalidOperationException($"The {PolicySets.NotificationHours} policy deferred a message to {until:O}, which is not in the future.");
    }
}
