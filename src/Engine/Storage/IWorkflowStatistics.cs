namespace RJH.DeviceWorkflows.Engine.Storage;

/// <summary>
/// Counts for monitoring, each one grouped query on an index: no instance, incident or timer is loaded. Meant to be
/// taken now and then and cached (telemetry gauges), not per request.
/// </summary>
public interface IWorkflowStatistics
{
    /// <param name="now">Timers due at or before this moment count as due (not yet fired: a backlog).</param>
    Task<WorkflowCounts> CountAsync(DateTimeOffset now, CancellationToken ct = default);
}

public sealed record WorkflowCounts(IReadOnlyList<InstanceCount> Instances, IReadOnlyList<ProcessCount> OpenIncidents, int DueTimers)
{
    public static readonly WorkflowCounts None = new([], [], 0);
}

public sealed record InstanceCount(string Process, InstanceStatus Status, int Count);

public sealed record ProcessCount(string Process, int Count);
