using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

public sealed record SubscriptionView(Guid Id, string Msisdn, string Operator, SimKind Sim, SubscriptionUsage Usage,
    SubscriptionStatus Status, string? EmployeeId, Guid? DeviceId, DateTimeOffset UpdatedAt)
{
    /// <summary>The operator's id of the subscription; null for one imported without it.</summary>
    public string? OperatorSubscriptionId { get; init; }

    internal static SubscriptionView From(SubscriptionRecord s) =>
        new(s.Id, s.Msisdn, s.Operator, s.Sim, s.Usage, s.Status, s.EmployeeId, s.DeviceId, s.UpdatedAt)
        {
            OperatorSubscriptionId = s.OperatorSubscriptionId,
        };
}

/// <param name="Msisdn">Any common Swedish spelling (070-123 45 67, +46 70…); stored as E.164.</param>
public sealed record NewSubscription(string Msisdn, string Operator, SimKind Sim = SimKind.Sim,
    SubscriptionUsage Usage = SubscriptionUsage.Voice, string? EmployeeId = null, Guid? DeviceId = null,
    SubscriptionStatus Status = SubscriptionStatus.Ordered, string? OperatorSubscriptionId = null);

public sealed record ExtensionView(Guid Id, string Number, string Switchboard, ExtensionStatus Status, string? EmployeeId,
    Guid? DeviceId, DateTimeOffset UpdatedAt)
{
    /// <summary>The switchboard's id of the extension; null for one imported without it.</summary>
    public string? SwitchboardExtensionId { get; init; }

    internal static ExtensionView From(ExtensionRecord x) => new(x.Id, x.Number, x.Switchboard, x.Status, x.EmployeeId, x.DeviceId, x.UpdatedAt)
    {
        SwitchboardExtensionId = x.SwitchboardExtensionId,
    };
}

public sealed record NewExtension(string Number, string Switchboard, string? EmployeeId = null, Guid? DeviceId = null,
    string? SwitchboardExtensionId = null);

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
