namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>
/// Risk assessments before a change (AFS 2023:1): written by HR, safety representatives or the unit's manager,
/// signed off by the unit's manager and a safety representative. Records the caller may not see answer
/// <see cref="WorkEnvironmentNotFoundException"/>. Calls with an <c>operationKey</c> (workflow steps) are
/// idempotent: a repeated key changes nothing and returns the record as it is now.
/// </summary>
public interface IRiskAssessmentService
{
    Task<IReadOnlyList<RiskAssessmentView>> ListAsync(RegisterUser user, string? unitId = null, CancellationToken ct = default);

    Task<RiskAssessmentView> GetAsync(Guid id, RegisterUser user, CancellationToken ct = default);

    Task<RiskAssessmentView> CreateAsync(RiskAssessmentDraft draft, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Replaces the content of a Draft.</summary>
    Task<RiskAssessmentView> UpdateAsync(Guid id, RiskAssessmentDraft draft, RegisterUser user, CancellationToken ct = default);

    /// <summary>Draft → Submitted: needs at least one risk, one measure and a safety representative among the participants.</summary>
    Task<RiskAssessmentView> SubmitAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default);

    /// <summary>One party's sign-off of a Submitted assessment: both approve → Approved; a rejection → Rejected with its comment.</summary>
    Task<RiskAssessmentView> SignOffAsync(Guid id, SignOffRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Rejected (or a Submitted one withdrawn) → Draft; sign-offs are cleared, the rejection comment kept.</summary>
    Task<RiskAssessmentView> ReviseAsync(Guid id, RegisterUser user, string? reason = null, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>The generic status change: Submitted or Draft; anything else is a conflict listing what is allowed.</summary>
    Task<RiskAssessmentView> ChangeStatusAsync(Guid id, RiskAssessmentStatus status, string? reason, RegisterUser user,
        string? operationKey = null, CancellationToken ct = default);

    /// <summary>
    /// What happened to the assessment, oldest first, read from its audit trail: created, edited, submitted, each
    /// sign-off with its party, decision and reason, back to draft — by whom and when. Visible to whoever sees the assessment.
    /// </summary>
    Task<IReadOnlyList<RiskAssessmentEvent>> HistoryAsync(Guid id, RegisterUser user, CancellationToken ct = default);

    /// <summary>Assessments of the unit and every level above it (nearest first), whatever their status.</summary>
    Task<IReadOnlyList<AssessmentCoverage>> CoverageAsync(string unitId, CancellationToken ct = default);

    /// <summary>The same, for a caller that has read the unit's ancestry already (<see cref="IRegisterDirectory.AncestryAsync"/>).</summary>
    /// <param name="ancestry">The unit and every level above it, nearest first.</param>
    Task<IReadOnlyList<AssessmentCoverage>> CoverageAsync(IReadOnlyList<UnitInfo> ancestry, CancellationToken ct = default);
}
