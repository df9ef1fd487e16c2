namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>Draft → Submitted → Approved (both parties approve) or Rejected (one rejects); Rejected → Draft to revise.</summary>
public enum RiskAssessmentStatus { Draft, Submitted, Approved, Rejected }

/// <summary>The two parties who sign an assessment off: the unit's manager and a safety representative (skyddsombud).</summary>
public enum SignOffParty { Manager, SafetyRep }

public enum SignOffDecision { Approve, Reject }

public enum RiskLevel { Low, Medium, High }

public enum ParticipantRole { Employee, SafetyRep, Manager, HR, Other }

/// <param name="Topic">What the risk concerns, e.g. boundary-setting, working time, recovery (free text).</param>
public sealed record RiskItem(string Topic, string Description, RiskLevel Level);

public sealed record RiskMeasure(string Description, string? Responsible, DateOnly? Due);

public sealed record Participant(string Name, ParticipantRole Role);

/// <summary>What a user writes: the scope (a unit or an area, by register id) and the content. The scope is fixed once created.</summary>
public sealed record RiskAssessmentDraft(
    string ScopeUnitId,
    string Title,
    string? Description,
    IReadOnlyList<RiskItem>? Risks,
    IReadOnlyList<RiskMeasure>? Measures,
    IReadOnlyList<Participant>? Participants);

/// <param name="Party">Which party signs; may be left out when the caller can only be one of them.</param>
/// <param name="Comment">Required with <see cref="SignOffDecision.Reject"/>: it becomes the rejection's reason.</param>
public sealed record SignOffRequest(SignOffDecision Decision, string? Comment, SignOffParty? Party = null);

public sealed record SignOff(SignOffParty Party, string By, SignOffDecision Decision, string? Comment, DateTimeOffset At);

public sealed record RiskAssessmentView(
    Guid Id,
    string ScopeUnitId,
    string ScopeUnitName,
    OrgLevel ScopeLevel,
    string Title,
    string? Description,
    IReadOnlyList<RiskItem> Risks,
    IReadOnlyList<RiskMeasure> Measures,
    IReadOnlyList<Participant> Participants,
    RiskAssessmentStatus Status,
    IReadOnlyList<SignOff> SignOffs,
    string? RejectionComment,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt);

/// <summary>
/// One assessment that may cover a unit: its scope level (<c>Unit</c>, <c>Area</c>, <c>Administration</c>, the
/// names the policy facts use) and status. Whether a level counts is the rollout policy's business.
/// </summary>
public sealed record AssessmentCoverage(OrgLevel Scope, RiskAssessmentStatus Status, string UnitId, Guid AssessmentId);

public enum RiskAssessmentEventKind { Created, Updated, Submitted, SignedOff, ReturnedToDraft }

/// <summary>One step of an assessment's history: who did what when, the status it left, and a sign-off's own record.</summary>
public sealed record RiskAssessmentEvent(RiskAssessmentEventKind Kind, string Actor, DateTimeOffset At, RiskAssessmentStatus Status, SignOff? SignOff);
