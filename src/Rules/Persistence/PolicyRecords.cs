namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>A row of PolicyVersions. Only Published and the Published* columns change after insert.</summary>
internal sealed class PolicyVersionRecord
{
    public required string Set { get; set; }
    public int Version { get; set; }
    public required string WorkflowJson { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
    /// <summary>When this version was last made the published one.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Why it was published, in the publisher's words (the latest publish; every one stays in the audit).</summary>
    public string? PublishNote { get; set; }
}

/// <summary>
/// A row of PolicyAudit, append-only. The version rows keep only the latest publish; this keeps
/// every save and publish, so "which rules decided on that date" can be answered.
/// </summary>
internal sealed class PolicyAuditRecord
{
    public long Id { get; set; }
    public required string Set { get; set; }
    public int Version { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>A publish's note.</summary>
    public string? Note { get; set; }

    public const string Saved = "Saved";
    public const string Published = "Published";
    public const string Seeded = "Seeded";
}

/// <summary>
/// A row of PolicyDecisions, append-only: one decision made for a workflow (or, with no instance, elsewhere),
/// with the facts it saw minus personal data, so it can be read back, explained and replayed on a draft.
/// </summary>
internal sealed class PolicyDecisionRecord
{
    public long Id { get; set; }
    public required string Set { get; set; }
    public int Version { get; set; }
    public required string Outcome { get; set; }
    public required string OutputsJson { get; set; }
    public required string ReasonsJson { get; set; }
    public required string FactsJson { get; set; }
    public Guid? InstanceId { get; set; }
    public string? ElementId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A row of PolicyTestCases: a set's test cases (a JSON array), replaced whole on each save.</summary>
internal sealed class PolicyTestCasesRecord
{
    public required string Set { get; set; }
    public required string CasesJson { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
}
