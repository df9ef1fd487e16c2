namespace RJH.DeviceWorkflows.Rules.Facts;

/// <summary>
/// The facts of the <c>entitlement</c>, <c>financing</c> and <c>rollout-gate</c> sets. A set may ignore
/// parts, so each part may be left out; a rule that reads a missing part fails with a facts error.
/// </summary>
public sealed record DeviceFacts
{
    public Employee? Employee { get; init; }
    public Unit? Unit { get; init; }
    public DeviceRequest? Request { get; init; }
}

public sealed record Employee
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public bool HasOwnExtension { get; init; }
    public bool SharesExtension { get; init; }
    public bool RemoteWorkAgreement { get; init; }
    public bool WorksAcrossLargeArea { get; init; }
    public IReadOnlyList<DeviceType> ActiveDevices { get; init; } = [];
}

public sealed record Unit
{
    public required string Id { get; init; }
    public string? AreaId { get; init; }
    public string? AdministrationId { get; init; }
    public Rollout Rollout { get; init; } = Rollout.None;
    public IReadOnlyList<RiskAssessment> RiskAssessments { get; init; } = [];
}

public sealed record RiskAssessment
{
    public required AssessmentScope Scope { get; init; }
    public required AssessmentStatus Status { get; init; }
}

/// <summary>
/// What is asked for. Type and reason have no default: a request that forgot them must not be
/// decided as if it were a new phone.
/// </summary>
public sealed record DeviceRequest
{
    public required DeviceType DeviceType { get; init; }
    public required RequestReason Reason { get; init; }
    public bool UnderRollout { get; init; }
}
