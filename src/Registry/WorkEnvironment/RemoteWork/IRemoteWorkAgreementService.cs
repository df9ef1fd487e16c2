namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>
/// Remote-work agreements (avtal om distansarbete) between an employee and their manager. The employee sees their
/// own, a manager those of people in their units, HR all; anything else answers <see cref="WorkEnvironmentNotFoundException"/>.
/// Calls with an <c>operationKey</c> (workflow steps) are idempotent on it.
/// </summary>
public interface IRemoteWorkAgreementService
{
    /// <summary>Every agreement the caller may see; personnummer always masked.</summary>
    Task<IReadOnlyList<RemoteWorkAgreementView>> ListAsync(RegisterUser user, CancellationToken ct = default);

    Task<RemoteWorkAgreementView> GetAsync(Guid id, RegisterUser user, CancellationToken ct = default);

    Task<RemoteWorkAgreementView> CreateAsync(RemoteWorkAgreementDraft draft, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>
    /// Creates it under an id chosen beforehand: the workflow names the agreement (Agreement.Create) before the employee
    /// has written the draft it is stored with.
    /// </summary>
    Task<RemoteWorkAgreementView> CreateAsync(Guid id, RemoteWorkAgreementDraft draft, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Replaces the content of a Draft.</summary>
    Task<RemoteWorkAgreementView> UpdateAsync(Guid id, RemoteWorkAgreementDraft draft, RegisterUser user, CancellationToken ct = default);

    /// <summary>Draft → Approved, by the employee's manager.</summary>
    Task<RemoteWorkAgreementView> ApproveAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default);

    /// <summary>One party's signature of an Approved agreement; the second makes it Signed.</summary>
    Task<RemoteWorkAgreementView> SignAsync(Guid id, AgreementParty? party, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Signed → Active.</summary>
    Task<RemoteWorkAgreementView> ActivateAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Signed or Active → Terminated, ending no earlier than the notice period allows.</summary>
    Task<RemoteWorkAgreementView> TerminateAsync(Guid id, TerminationRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>The annual follow-up of an Active agreement.</summary>
    Task<RemoteWorkAgreementView> RecordFollowUpAsync(Guid id, FollowUpRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>The generic status change (Approved, Draft, Active, Terminated); a forbidden one is a conflict listing what is allowed.</summary>
    Task<RemoteWorkAgreementView> ChangeStatusAsync(Guid id, RemoteWorkStatus status, string? reason, RegisterUser user,
        string? operationKey = null, CancellationToken ct = default);

    /// <summary>Whether the employee has an agreement in force today (Active, or terminated with its end date still ahead).</summary>
    Task<bool> HasActiveAgreementAsync(string employeeId, CancellationToken ct = default);
}
