namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

// These records are also the wire format of docs/operator-api.yaml (camelCase JSON, enums as camelCase strings).

public enum SubscriptionKind { Voice, DataOnly }

public enum SimType { Sim, Esim }

public enum SubscriptionStatus
{
    /// <summary>Ordered; the SIM exists but is not active.</summary>
    Pending,
    Active,
    /// <summary>The SIM is blocked (lost, stolen); only a new SIM brings the subscription back.</summary>
    Blocked,
    Terminated,
}

public enum SimBlockReason { Lost, Stolen, Other }

/// <summary>Who the subscription is for: the region's employee id (HSA-id) and name, as the operator's invoice shows them.</summary>
public sealed record SubscriptionHolder(string EmployeeId, string Name, string? CostCentre = null);

public sealed record SubscriptionOrder(SubscriptionKind Kind, SimType SimType, SubscriptionHolder Holder);

/// <param name="Iccid">The SIM's or eSIM profile's ICCID.</param>
/// <param name="ActivationCode">eSIM only: the LPA activation code (<c>LPA:1$smdp-address$matching-id</c>), shown as a QR code. A secret until used.</param>
public sealed record SimCard(string Iccid, SimType Type, string? ActivationCode);

/// <param name="Msisdn">The number in E.164 form, e.g. +46701740605.</param>
public sealed record Subscription(
    string Id,
    SubscriptionKind Kind,
    string Msisdn,
    SubscriptionStatus Status,
    SimCard Sim,
    SubscriptionHolder Holder);
