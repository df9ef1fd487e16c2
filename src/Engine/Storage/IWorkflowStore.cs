namespace RJH.DeviceWorkflows.Engine.Storage;

/// <summary>
/// Everything the engine reads or writes. Queries outside a command are read-only;
/// a command works in one <see cref="IWorkflowTransaction"/>.
/// </summary>
public interface IWorkflowStore
{
    Task<IWorkflowTransaction> BeginAsync(CancellationToken ct = default);

    /// <summary>A version, or (version null) the newest version, or the newest published one.</summary>
    Task<DefinitionRecord?> FindDefinitionAsync(string key, int? version, bool publishedOnly, CancellationToken ct = default);
    /// <summary>All versions of one key, or of every key when key is null, without guaranteeing XML is loaded.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken ct = default);

    Task<InstanceRecord?> FindInstanceAsync(Guid id, CancellationToken ct = default);
    /// <summary>Several instances in one query (an inbox page shows each task's variables).</summary>
    Task<IReadOnlyList<InstanceRecord>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
    Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default);
    /// <summary>One page of instances, newest first, with the count of all that match and the count per status.</summary>
    Task<InstanceSearchResult> SearchInstancesAsync(InstanceSearch search, CancellationToken ct = default);
    Task<IReadOnlyList<JournalRecord>> ListJournalAsync(Guid instanceId, CancellationToken ct = default);
    /// <summary>The journals of many instances in a few queries (the dashboard's lead times), each in order.</summary>
    Task<IReadOnlyList<JournalRecord>> ListJournalsAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default);

    Task<UserTaskRecord?> FindTaskAsync(Guid id, CancellationToken ct = default);
    Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskQuery query, CancellationToken ct = default);
    /// <summary>One page of a user's open tasks, filtered and sorted in the database, with the count of all that match.</summary>
    Task<TaskSearchResult> SearchTasksAsync(TaskSearch search, CancellationToken ct = default);

    Task<IReadOnlyList<MessageSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken ct = default);
    Task<IReadOnlyList<TimerRecord>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default);
    Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, bool openOnly, CancellationToken ct = default);

    /// <summary>A job with its instance's business key, in one query: what a run needs before it calls the activity.</summary>
    Task<JobToRun?> FindJobToRunAsync(Guid id, CancellationToken ct = default);
    /// <summary>Jobs not yet completed or failed, oldest first (re-dispatched when a host starts).</summary>
    Task<IReadOnlyList<JobRecord>> ListPendingJobsAsync(int max, CancellationToken ct = default);
    Task<TimerRecord?> FindTimerAsync(Guid id, CancellationToken ct = default);
}

/// <param name="StartedBy">Only instances this user started.</param>
/// <param name="BusinessKey">Only instances with this business key (e.g. the copies of one unit message).</param>
/// <param name="Concerning">Only instances this user started or that were started for them.</param>
public sealed record InstanceQuery(string? DefinitionKey = null, InstanceStatus? Status = null, int Max = 500, string? StartedBy = null,
    string? BusinessKey = null, string? Concerning = null);

/// <summary>
/// Instances narrowed by every filter that is set. <see cref="Person"/> matches the user who started an instance, or
/// any variable value that contains it (an employee id or name); <see cref="BusinessKey"/> is a part of the key.
/// </summary>
public sealed record InstanceSearch
{
    public string? DefinitionKey { get; init; }
    public int? Version { get; init; }
    public InstanceStatus? Status { get; init; }
    public string? BusinessKey { get; init; }
    public string? Person { get; init; }
    /// <summary>Only instances this user started (callers who see only their own).</summary>
    public string? StartedBy { get; init; }
    /// <summary>Only instances this user started or that were started for them.</summary>
    public string? Concerning { get; init; }
    public DateTimeOffset? StartedFrom { get; init; }
    /// <summary>Exclusive.</summary>
    public DateTimeOffset? StartedBefore { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

/// <param name="StatusCounts">Matches per status, every filter applied but the status itself.</param>
public sealed record InstanceSearchResult(IReadOnlyList<InstanceRecord> Instances, int Total,
    IReadOnlyDictionary<InstanceStatus, int> StatusCounts);

/// <summary>Open tasks; when User is set, only those assigned to it or unassigned with one of Roles.</summary>
public sealed record TaskQuery(Guid? InstanceId = null, string? User = null, IReadOnlyCollection<string>? Roles = null,
    bool OpenOnly = true, int Max = 500);

/// <summary>Which of a user's open tasks: assigned to them, unassigned and open to one of their roles, or both.</summary>
public enum TaskScope { All, Mine, Unclaimed }

/// <summary>Tasks without a due time sort as if due never: after every dated task ascending, before them descending.</summary>
public enum TaskSort { Created, Due }

/// <summary>
/// The open tasks <see cref="User"/> may work (assigned to them, or unassigned with one of <see cref="Roles"/>),
/// narrowed by every filter that is set.
/// </summary>
public sealed record TaskSearch(string User, IReadOnlyCollection<string> Roles)
{
    public TaskScope Scope { get; init; }
    public Guid? InstanceId { get; init; }
    public string? DefinitionKey { get; init; }
    /// <summary>Only tasks due before this moment (tasks without a due time never match).</summary>
    public DateTimeOffset? DueBefore { get; init; }
    /// <summary>Case-insensitive part of the business key or of the person's name.</summary>
    public string? Text { get; init; }
    public TaskSort Sort { get; init; }
    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 100;
    /// <summary>
    /// Count at most this many matches (null: count them all). An exact count visits every match: 100,000 open tasks
    /// cost 15–35 ms on PostgreSQL per page, most of P3's budget; a capped count stops the walk at the cap. A caller
    /// paging past the cap raises it with the offset.
    /// </summary>
    public int? CountUpTo { get; init; }
}

public sealed record JobToRun(JobRecord Job, string? BusinessKey);

/// <param name="Capped">More than <paramref name="Total"/> match: the count stopped at <see cref="TaskSearch.CountUpTo"/>.</param>
public sealed record TaskSearchResult(IReadOnlyList<UserTaskRecord> Tasks, int Total, bool Capped = false);

/// <summary>
/// One unit of work: the instance state, journal, inbox, waits and incidents it writes commit together
/// or not at all. Instances read here are tracked; <see cref="CommitAsync"/> fails with
/// <see cref="ConcurrencyConflictException"/> when another command changed one of them first.
/// </summary>
public interface IWorkflowTransaction : IAsyncDisposable
{
    /// <summary>Lets contexts that inline activities open join this transaction where the database needs it (SQLite's one writer), until disposed.</summary>
    IDisposable ShareWithActivities();

    Task<InstanceRecord?> LoadInstanceAsync(Guid id, CancellationToken ct = default);
    Task<UserTaskRecord?> LoadTaskAsync(Guid id, CancellationToken ct = default);
    Task<DefinitionRecord?> LoadDefinitionAsync(string key, int version, CancellationToken ct = default);
    /// <summary>The newest published version number of a process key, without reading its XML.</summary>
    Task<int?> FindPublishedVersionAsync(string key, CancellationToken ct = default);
    Task<int> NextDefinitionVersionAsync(string key, CancellationToken ct = default);
    Task<IReadOnlyList<UserTaskRecord>> LoadOpenTasksAsync(Guid instanceId, CancellationToken ct = default);
    Task<IReadOnlyList<IncidentRecord>> LoadOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default);
    Task<IncidentRecord?> LoadIncidentAsync(Guid id, CancellationToken ct = default);
    Task<JobRecord?> LoadJobAsync(Guid id, CancellationToken ct = default);
    /// <summary>
    /// The job, with its instance loaded in the same round trip (<see cref="LoadInstanceAsync"/> then finds it without
    /// asking the database again): what applying a job's outcome reads first.
    /// </summary>
    Task<JobRecord?> LoadJobWithInstanceAsync(Guid id, CancellationToken ct = default);

    void AddDefinition(DefinitionRecord definition);
    void AddInstance(InstanceRecord instance);
    void AddTask(UserTaskRecord task);
    void AddIncident(IncidentRecord incident);
    void AddJob(JobRecord job);
    void Append(JournalRecord entry);

    /// <summary>Replaces every message subscription and timer of one instance with the given sets.</summary>
    Task ReplaceWaitsAsync(Guid instanceId, IReadOnlyCollection<MessageSubscriptionRecord> messages,
        IReadOnlyCollection<TimerRecord> timers, CancellationToken ct = default);
    /// <summary>Replaces the start subscriptions and timers (InstanceId null) of one process key.</summary>
    Task ReplaceStartWaitsAsync(string definitionKey, IReadOnlyCollection<MessageSubscriptionRecord> messages,
        IReadOnlyCollection<TimerRecord> timers, CancellationToken ct = default);
    /// <summary>Removes one timer (a fired start timer or one claimed before its instance loads).</summary>
    Task<bool> DeleteTimerAsync(Guid timerId, CancellationToken ct = default);

    /// <summary>Saves all changes, incrementing the Revision of every changed instance.</summary>
    Task CommitAsync(CancellationToken ct = default);
}

/// <summary>Another command changed the same instance first; reload and retry, or report 409.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
