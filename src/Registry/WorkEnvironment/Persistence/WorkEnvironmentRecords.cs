namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>A stored record that is audited: its id, the unit its audit entries belong to, an optimistic-concurrency counter.</summary>
internal interface IAuditedRecord
{
    Guid Id { get; }

    /// <summary>Managers read the audit entries of their units; this is the unit an entry is filed under.</summary>
    string AuditUnitId { get; }

    int Revision { get; set; }
}

/// <summary>A risk assessment row. Lists (risks, measures, participants, sign-offs) are JSON: they are always read and written whole.</summary>
internal sealed class RiskAssessmentRecord : IAuditedRecord
{
    public Guid Id { get; set; }
    public string ScopeUnitId { get; set; } = "";
    public string ScopeUnitName { get; set; } = "";
    public OrgLevel ScopeLevel { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string ContentJson { get; set; } = "{}";
    public string Status { get; set; } = "";
    public string SignOffsJson { get; set; } = "[]";
    public string? RejectionComment { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Revision { get; set; }

    public string AuditUnitId => ScopeUnitId;
}

/// <summary>
/// A remote-work agreement row. The personnummer is stored twice: encrypted (Data Protection) and as its masked
/// form <c>YYYYMMDD-****</c>, so lists and audit never need to decrypt.
/// </summary>
internal sealed class RemoteWorkAgreementRecord : IAuditedRecord
{
    public Guid Id { get; set; }
    public string EmployeeId { get; set; } = "";
    public string EmployeeName { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string PersonalNumberProtected { get; set; } = "";
    public string PersonalNumberMasked { get; set; } = "";
    public string Workplace { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int RemoteDaysPerWeek { get; set; }
    public int OfficeDaysPerWeek { get; set; }
    public string TermsJson { get; set; } = "{}";
    public string EquipmentJson { get; set; } = "[]";
    public int NoticeValue { get; set; }
    public string NoticeUnit { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string SignaturesJson { get; set; } = "[]";
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? TerminatedAt { get; set; }
    public string? TerminatedBy { get; set; }
    public string? TerminationReason { get; set; }
    public string FollowUpsJson { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }

    public string AuditUnitId => UnitId;
}

/// <summary>One audit entry; rows are only ever added (the context refuses changing or deleting them).</summary>
internal sealed class WorkEnvironmentAuditRecord
{
    public long Id { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>An operation key a workflow step has used: a repeated call with it changes nothing and answers the same record.</summary>
internal sealed class ProcessedOperationRecord
{
    public string Key { get; set; } = "";
    public string Operation { get; set; } = "";
    public Guid EntityId { get; set; }
    public DateTimeOffset At { get; set; }
}
