namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>A row of Devices. <see cref="AssignedToEmployeeId"/> repeats the open assignment so visibility is one query.</summary>
internal sealed class DeviceRecord
{
    public Guid Id { get; set; }
    public string? Imei { get; set; }
    public string? Serial { get; set; }
    public required string Model { get; set; }
    public DeviceType Type { get; set; }
    public Ownership Ownership { get; set; }
    public DateOnly? PurchaseDate { get; set; }
    public decimal? PriceSek { get; set; }
    public MdmState MdmState { get; set; }
    /// <summary>The MDM's id of the device; null until it is enrolled.</summary>
    public string? MdmDeviceId { get; set; }
    public bool ManagedAccount { get; set; }
    public ActivationLock ActivationLock { get; set; }
    public DeviceStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public string? UnitId { get; set; }
    public string? AssignedToEmployeeId { get; set; }
    public bool InLoanPool { get; set; }
    /// <summary>Where a loan-pool device is kept (one of <c>Register:LoanPool:Sites</c>); null outside the pool or unplaced.</summary>
    public string? LoanPoolSite { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SubscriptionRecord : IHeldRecord
{
    public Guid Id { get; set; }
    /// <summary>E.164, e.g. +46701234567.</summary>
    public required string Msisdn { get; set; }
    public required string Operator { get; set; }
    /// <summary>The operator's id of the subscription, which its activate, block and terminate calls need; null when imported.</summary>
    public string? OperatorSubscriptionId { get; set; }
    public SimKind Sim { get; set; }
    public SubscriptionUsage Usage { get; set; }
    public SubscriptionStatus Status { get; set; }
    public string? EmployeeId { get; set; }
    public Guid? DeviceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ExtensionRecord : IHeldRecord
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public required string Switchboard { get; set; }
    /// <summary>The switchboard's id of the extension, which its move and remove calls need; null when imported.</summary>
    public string? SwitchboardExtensionId { get; set; }
    public ExtensionStatus Status { get; set; }
    public string? EmployeeId { get; set; }
    public Guid? DeviceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Who had a device, subscription or extension from when to when; open while <see cref="To"/> is null.</summary>
internal sealed class AssignmentRecord
{
    public long Id { get; set; }
    public AssignmentKind Kind { get; set; }
    public Guid ItemId { get; set; }
    public required string EmployeeId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    public bool Loan { get; set; }
}

/// <summary>The least number of available loan devices of a model; <see cref="AlertRaised"/> stops a repeated alert until it recovers.</summary>
internal sealed class LoanPoolMinimumRecord
{
    public required string Model { get; set; }
    public int Minimum { get; set; }
    public bool AlertRaised { get; set; }
}

/// <summary>
/// A site whose available loan devices are below its minimum and whose alert has been raised; the row goes when the
/// level recovers. The minimums themselves are configuration (<see cref="LoanPoolOptions"/>), this is the only state.
/// </summary>
internal sealed class LoanPoolSiteAlertRecord
{
    public required string Site { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
}

/// <summary>Append-only audit trail of the register.</summary>
internal sealed class RegisterAuditRecord
{
    public long Id { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>The unit the entity belonged to at the change, so managers can read their units' entries.</summary>
    public string? UnitId { get; set; }
}

/// <summary>An operation done under an idempotency key: a repeated call returns <see cref="ResultJson"/> and changes nothing.</summary>
internal sealed class RegisterOperationRecord
{
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A subscription or extension: held by a person and/or a device.</summary>
internal interface IHeldRecord
{
    Guid Id { get; }
    string? EmployeeId { get; set; }
    Guid? DeviceId { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
