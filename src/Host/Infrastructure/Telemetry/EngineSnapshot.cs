using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>
/// The counts behind the engine's gauges, taken at most once per <see cref="TelemetrySettings.SnapshotInterval"/> and
/// only while someone reads the gauges: a read answers from the cache at once and, when it is stale, has it refreshed
/// in the background. A metrics export never waits for the database, and a host nobody monitors never counts.
/// </summary>
internal sealed class EngineSnapshot(IWorkflowStatistics statistics, TimeProvider time, TelemetrySettings settings,
    ILogger<EngineSnapshot> logger)
{
    private WorkflowCounts counts = WorkflowCounts.None;
    private long takenAt;
    private bool taken;
    private int refreshing;

    /// <summary>The latest counts (none before the first refresh finished).</summary>
    public WorkflowCounts Current
    {
        get
        {
            RefreshWhenStale();
            return Volatile.Read(ref counts);
        }
    }

    private void RefreshWhenStale()
    {
        if (Volatile.Read(ref taken) && time.GetElapsedTime(Interlocked.Read(ref takenAt)) < settings.SnapshotInterval) return;
        if (Interlocked.Exchange(ref refreshing, 1) == 1) return;
        _ = Task.Run(RefreshAsync);
    }

    private async Task RefreshAsync()
    {
        try
        {
            Volatile.Write(ref counts, await statistics.CountAsync(time.GetUtcNow()));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not count instances, incidents and timers for telemetry; trying again in {Interval}.", settings.SnapshotInterval);
        }
        finally
        {
            // A failure waits out the interval too, so a database that is down is not asked on every scrape.
            Interlocked.Exchange(ref takenAt, time.GetTimestamp());
            Volatile.Write(ref taken, true);
            Volatile.Write(ref refreshing, 0);
        }
    }
}
