namespace RJH.DeviceWorkflows.Engine.Storage;

// Persistent shapes of the engine. Plain classes so any store (EF Core, in-memory) can hold them;
// the runtime never sees how they are stored.

/// <summary>One deployed version of a process definition. Immutable once published.</summary>
public sealed class DefinitionRecord
{
    public required string Key { get; set; }
    public required int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public bool Published { get; set; }
    public required DateTimeOffset DeployedAt { get; set; }
    public required string DeployedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public enum InstanceStatus { Running, Completed, Faulted, Cancelled, Terminated }

/// <summary>A process instance. <see cref="State"/> (tokens, scopes, variables) is JSON owned by the runtime.</summary>
public sealed class InstanceRecord
{
    public required Guid Id { get; set; }
    public required string DefinitionKey { get; set; }
    public required int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public required string State { get; set; }
    public required DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public required string StartedBy { get; set; }
    /// <summary>
    /// The user the request is about when someone else started it (a manager's onboarding of an employee): that person
    /// follows it among their own requests.
    /// </summary>
    public string? StartedFor { get; set; }
    /// <summary>Set when a call activity started this instance.</summary>
    public Guid? ParentInstanceId { get; set; }
    public string? ParentTokenId { get; set; }
    /// <summary>Optimistic concurrency token; the store increments it on every update.</summary>
    public int Revision { get; set; }
}

/// <summary>Append-only record of what happened in an instance.</summary>
public sealed class JournalRecord
{
    public long Id { get; set; }
    public required Guid InstanceId { get; set; }
    public required DateTimeOffset At { get; set; }
    /// <summary>ElementEntered, ElementLeft, TaskCompleted, MessageCorrelated, TimerFired, ErrorRaised, Incident, ...</summary>
    public required string Kind { get; set; }
    public string? ElementId { get; set; }
    public string? Actor { get; set; }
    /// <summary>Short text; never personal data from forms.</summary>
    public string? Detail { get; set; }
}

public enum UserTaskStatus { Open, Completed, Cancelled }

/// <summary>The inbox row of a user task. Kept after completion so a second completion gets 409.</summary>
public sealed class UserTaskRecord
{
    public required Guid Id { get; set; }
    public required Guid InstanceId { get; set; }
    public required string TokenId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public string? FormKey { get; set; }
    public string? Assignee { get; set; }
    /// <summary>Comma-separated role names.</summary>
    public string CandidateRoles { get; set; } = "";
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public UserTaskStatus Status { get; set; }
    /// <summary>The instance's process key, copied so the inbox can filter by process without a join.</summary>
    public string? DefinitionKey { get; set; }
    /// <summary>The instance's business key, copied for the inbox's search.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>The name of the person the task concerns (the instance's <c>employee.name</c> when the task was created).</summary>
    public string? PersonName { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A token (or message start event, when InstanceId is null) waiting for a message.</summary>
public sealed class MessageSubscriptionRecord
{
    public required Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    /// <summary>For message start events: the process key to start.</summary>
    public string? DefinitionKey { get; set; }
    public string? TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string MessageName { get; set; }
    public string? CorrelationKey { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A timer that will fire at <see cref="DueAt"/> (or a timer start event, when InstanceId is null).</summary>
public sealed class TimerRecord
{
    public required Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public string? DefinitionKey { get; set; }
    public string? TokenId { get; set; }
    public required string ElementId { get; set; }
    public required DateTimeOffset DueAt { get; set; }
    /// <summary>Remaining repetitions of a cycle timer; null = not a cycle, -1 = unbounded.</summary>
    public int? RemainingRepetitions { get; set; }
    /// <summary>Interval of a cycle timer (ISO-8601 duration).</summary>
    public string? Interval { get; set; }
}

/// <summary>Something a person must look at: an uncaught error or a step that failed.</summary>
public sealed class IncidentRecord
{
    public required Guid Id { get; set; }
    public required Guid InstanceId { get; set; }
    public string? ElementId { get; set; }
    public string? TokenId { get; set; }
    /// <summary>The BPMN error's code when the incident is an uncaught error (the one a called instance raised, at its call activity).</summary>
    public string? ErrorCode { get; set; }
    public required string Error { get; set; }
    public int Attempts { get; set; } = 1;
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>Deferred: the activity asked to run later; a timer wait of its token makes it Pending again.</summary>
public enum JobStatus { Pending, Completed, Failed, Deferred }

/// <summary>
/// Outbox row of an activity that runs as a job (it calls an outside system). Written in the same
/// transaction as the instance that waits for it; handed to the job runner after commit.
/// </summary>
public sealed class JobRecord
{
    public required Guid Id { get; set; }
    public required Guid InstanceId { get; set; }
    public required string TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string ActivityType { get; set; }
    /// <summary>Evaluated inputs as a JSON object.</summary>
    public required string Inputs { get; set; }
    /// <summary>Instance + token + element + visit: the same for every attempt of one execution.</summary>
    public required string IdempotencyKey { get; set; }
    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
