using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

public sealed record SubscriptionView(Guid Id, string Msisdn, string Operator, SimKind Sim, SubscriptionUsage Usage,
    SubscriptionStatus Status, string? EmployeeId, Guid? DeviceId, DateTimeOffset UpdatedAt)
{
    internal static SubscriptionView From(SubscriptionRecord s) =>
        new(s.Id, s.Msisdn, s.Operator, s.Sim, s.Usage, s.Status, s.EmployeeId, s.DeviceId, s.UpdatedAt);
}

/// <param name="Msisdn">Any common Swedish spelling (070-123 45 67, +46 70…); stored as E.164.</param>
public sealed record NewSubscription(string Msisdn, string Operator, SimKind Sim = SimKind.Sim,
    SubscriptionUsage Usage = SubscriptionUsage.Voice, string? EmployeeId = null, Guid? DeviceId = null,
    SubscriptionStatus Status = SubscriptionStatus.Ordered);

public sealed record ExtensionView(Guid Id, string Number, string Switchboard, ExtensionStatus Status, string? EmployeeId,
    Guid? DeviceId, DateTimeOffset UpdatedAt)
{
    internal static ExtensionView From(ExtensionRecord x) => new(x.Id, x.Number, x.Switchboard, x.Status, x.EmployeeId, x.DeviceId, x.UpdatedAt);
}

public sealed record NewExtension(string Number, string Switchboard, string? EmployeeId = null, Guid? DeviceId = null);

/// <summary>Who (and/or which device) a subscription or extension is linked to; both null unlinks it.</summary>
public sealed record Holder(string? EmployeeId, Guid? DeviceId);

internal static class TelephonyLifecycles
{
    public static readonly TransitionTable<SubscriptionStatus> Subscription = new("Ett abonnemang", new Dictionary<SubscriptionStatus, SubscriptionStatus[]>
    {
        [SubscriptionStatus.Ordered] = [SubscriptionStatus.Active, SubscriptionStatus.Terminated],
        [SubscriptionStatus.Active] = [SubscriptionStatus.Blocked, SubscriptionStatus.Terminated],
        [SubscriptionStatus.Blocked] = [SubscriptionStatus.Active, SubscriptionStatus.Terminated],
        [SubscriptionStatus.Terminated] = [],
    });

    public static readonly TransitionTable<ExtensionStatus> Extension = new("En anknytning", new Dictionary<ExtensionStatus, ExtensionStatus[]>
    {
        [ExtensionStatus.Active] = [ExtensionStatus.Removed],
        [ExtensionStatus.Removed] = [],
    });
}
