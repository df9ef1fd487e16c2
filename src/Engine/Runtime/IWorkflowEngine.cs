using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// The engine as the Host sees it. Every write is one command: load one instance, run it until
/// every token waits, commit state + journal + waits together. Errors are <see cref="WorkflowException"/>s.
/// </summary>
public interface IWorkflowEngine
{
    Task<DefinitionVersionView> DeployAsync(string bpmnXml, bool publish, Caller caller, CancellationToken ct = default);
    Task<DefinitionVersionView> PublishAsync(string key, int version, Caller caller, CancellationToken ct = default);

    Task<InstanceView> StartAsync(StartInstance request, Caller caller, CancellationToken ct = default);
    Task<InstanceView> CancelAsync(Guid instanceId, Caller caller, CancellationToken ct = default);

    Task<TaskView> ClaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default);
    /// <summary>Gives a claimed task back to its candidate roles (the holder, or an admin).</summary>
    Task<TaskView> UnclaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default);
    Task<TaskView> CompleteTaskAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default);

    /// <summary>Delivers a message to every waiting token (and message start event) it matches; returns how many.</summary>
    Task<int> CorrelateMessageAsync(string name, string? correlationKey, JsonObject? variables, Caller caller, CancellationToken ct = default);

    /// <summary>Fires every timer due now; returns how many fired.</summary>
    Task<int> FireDueTimersAsync(CancellationToken ct = default);

    /// <summary>Tries an incident's step again (a job gets a fresh set of attempts), with changed variables if given.</summary>
    Task<InstanceView> RetryIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default);
    /// <summary>Marks an incident fixed by hand: its step counts as done and the instance moves on.</summary>
    Task<InstanceView> ResolveIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default);
}

/// <summary>Entry points for whatever runs outbox work (Hangfire in the Host).</summary>
public interface IJobRunner
{
    /// <summary>Runs one job activity and applies its result to the instance as a command of its own.</summary>
    Task RunJobAsync(Guid jobId, CancellationToken ct = default);
    /// <summary>Fires one timer if it is due (a timer not yet due is left to the timer poller).</summary>
    Task FireTimerAsync(Guid timerId, CancellationToken ct = default);
}

/// <summary>Read side for the API: views already shaped as the JSON contract.</summary>
public interface IWorkflowQueries
{
    Task<IReadOnlyList<DefinitionSummaryView>> ListDefinitionsAsync(CancellationToken ct = default);
    Task<DefinitionSummaryView?> GetDefinitionAsync(string key, CancellationToken ct = default);
    Task<string?> GetDefinitionXmlAsync(string key, int version, CancellationToken ct = default);

    Task<InstanceView?> GetInstanceAsync(Guid id, Caller caller, CancellationToken ct = default);
    Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceQuery query, Caller caller, CancellationToken ct = default);
    Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, Caller caller, CancellationToken ct = default);
    /// <summary>The journals of many instances at once, by instance (admins and the system only: no per-instance check).</summary>
    /// <exception cref="ForbiddenException">The caller is not an admin.</exception>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<JournalEntryView>>> GetJournalsAsync(IReadOnlyCollection<Guid> instanceIds, Caller caller,
        CancellationToken ct = default);
    /// <summary>One page of the instances the caller may see, filtered and counted in the database.</summary>
    Task<InstancePage> FindInstancesAsync(InstanceFilter filter, Caller caller, CancellationToken ct = default);

    /// <summary>The caller's inbox, oldest first, at most <paramref name="limit"/> tasks.</summary>
    Task<IReadOnlyList<TaskView>> ListTasksAsync(Caller caller, Guid? instanceId, int limit = 100, CancellationToken ct = default);
    /// <summary>One page of the caller's inbox, filtered and sorted in the database, with how many match in all.</summary>
    Task<InboxPage> FindTasksAsync(Caller caller, InboxQuery query, CancellationToken ct = default);
    Task<TaskView?> GetTaskAsync(Guid id, Caller caller, CancellationToken ct = default);

    /// <summary>Open incidents (admin only).</summary>
    Task<IReadOnlyList<IncidentListItem>> ListIncidentsAsync(Caller caller, CancellationToken ct = default);
}

/// <param name="StartedFor">The user the request is about when it is not the caller (a manager starting an employee's
/// onboarding); they may then follow the instance as their own request.</param>
public sealed record StartInstance(string DefinitionKey, string? BusinessKey, JsonObject? Variables, string? StartedFor = null);

public sealed record DefinitionVersionView(string Key, int Version, bool Published);

public sealed record DefinitionSummaryView(string Key, string? Name, int LatestVersion, int? PublishedVersion,
    IReadOnlyList<DefinitionVersionDetail> Versions);

public sealed record DefinitionVersionDetail(int Version, bool Published, DateTimeOffset DeployedAt, string DeployedBy,
    DateTimeOffset? PublishedAt);

/// <param name="ErrorCode">The BPMN error's code when the incident is an uncaught error (also at the call activity of a child's).</param>
public sealed record IncidentView(Guid Id, string? ElementId, string Error, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string? ErrorCode = null);

public sealed record InstanceView(Guid Id, string DefinitionKey, int Version, string? BusinessKey, string Status,
    JsonObject Variables, IReadOnlyList<string> ActiveElements, IReadOnlyList<IncidentView> Incidents,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string StartedBy, Guid? ParentInstanceId)
{
    /// <summary>Per element, how many tokens are there now (a parallel split or multi-instance has several).</summary>
    public IReadOnlyDictionary<string, int> ActiveTokens { get; init; } = new Dictionary<string, int>();

    /// <summary>Per element, the instances a call activity there started and that still run.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> CalledInstances { get; init; } = new Dictionary<string, IReadOnlyList<Guid>>();

    /// <summary>The user the request is about, when someone else started it for them.</summary>
    public string? StartedFor { get; init; }
}

public sealed record IncidentListItem(Guid Id, Guid InstanceId, string DefinitionKey, string? ElementId, string Error,
    int Attempts, DateTimeOffset CreatedAt, string? ErrorCode = null);

public sealed record JournalEntryView(long Id, DateTimeOffset At, string Kind, string? ElementId, string? Actor, string? Detail);

/// <param name="PersonName">Whom the task concerns (the instance's <c>employee.name</c> when the task was created).</param>
public sealed record TaskView(Guid Id, Guid InstanceId, string ElementId, string? Name, string? FormKey, string? Assignee,
    IReadOnlyList<string> CandidateRoles, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string Status,
    JsonObject Variables, string? DefinitionKey = null, string? BusinessKey = null, string? PersonName = null);
