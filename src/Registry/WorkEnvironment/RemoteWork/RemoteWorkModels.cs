namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>Draft → Approved (manager) → Signed (employee and manager) → Active → Terminated.</summary>
public enum RemoteWorkStatus { Draft, Approved, Signed, Active, Terminated }

public enum AgreementParty { Employee, Manager }

public enum NoticeUnit { Days, Months }

public enum FollowUpDecision { Continue, Change, Terminate }

/// <summary>The notice period (uppsägningstid) of the agreement, e.g. 1 month or 14 days.</summary>
public sealed record NoticePeriod(int Value, NoticeUnit Unit)
{
    public DateOnly EarliestEnd(DateOnly noticeGiven) =>
        Unit == NoticeUnit.Months ? noticeGiven.AddMonths(Value) : noticeGiven.AddDays(Value);
}

/// <summary>The agreement's written terms (seed 004), each free text.</summary>
public sealed record RemoteWorkTerms(
    string WorkingHours,
    string Availability,
    string AbsenceRoutine,
    string MeetingAttendance,
    string Tasks,
    string ResultFollowUp,
    string Connection);

/// <summary>Equipment used remotely: a device from the register, assigned to the employee.</summary>
public sealed record EquipmentLine(Guid DeviceId, string? Note);

/// <summary>An equipment line as shown: the register's device model and identifiers at the time it was added.</summary>
public sealed record EquipmentLineView(Guid DeviceId, string Model, DeviceType Type, string? Serial, string? Note);

/// <summary>
/// What a user writes. <see cref="PersonalNumber"/> is <c>YYYYMMDD-XXXX</c> or <c>YYMMDD-XXXX</c>; on an update it may be
/// left out to keep the stored one. <see cref="OfficeDaysPerWeek"/> is at least one (a day a week at the ordinary workplace).
/// </summary>
public sealed record RemoteWorkAgreementDraft(
    string EmployeeId,
    string? PersonalNumber,
    string Workplace,
    DateOnly StartDate,
    DateOnly? EndDate,
    int RemoteDaysPerWeek,
    int OfficeDaysPerWeek,
    RemoteWorkTerms? Terms,
    IReadOnlyList<EquipmentLine>? Equipment,
    NoticePeriod? NoticePeriod);

public sealed record AgreementSignature(AgreementParty Party, string By, DateTimeOffset At);

public sealed record FollowUp(DateOnly Date, FollowUpDecision Decision, string? Comment, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record FollowUpRequest(DateOnly Date, FollowUpDecision Decision, string? Comment);

/// <param name="EndDate">Requested last day; must honour the notice period. Left out: the earliest the notice allows.</param>
public sealed record TerminationRequest(string? Reason, DateOnly? EndDate = null);

/// <summary>
/// An agreement as one caller sees it: <see cref="PersonalNumber"/> is in full only for the employee, their manager and
/// HR when reading one agreement; everywhere else <c>YYYYMMDD-****</c>.
/// </summary>
public sealed record RemoteWorkAgreementView(
    Guid Id,
    string EmployeeId,
    string EmployeeName,
    string UnitId,
    string PersonalNumber,
    string Workplace,
    DateOnly StartDate,
    DateOnly? EndDate,
    int RemoteDaysPerWeek,
    int OfficeDaysPerWeek,
    RemoteWorkTerms Terms,
    IReadOnlyList<EquipmentLineView> Equipment,
    NoticePeriod NoticePeriod,
    RemoteWorkStatus Status,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    IReadOnlyList<AgreementSignature> Signatures,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? TerminatedAt,
    string? TerminatedBy,
    string? TerminationReason,
    IReadOnlyList<FollowUp> FollowUps,
    DateOnly? NextFollowUpDue,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
