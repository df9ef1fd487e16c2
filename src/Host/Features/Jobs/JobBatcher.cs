using System.Threading.Channels;
using Hangfire;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// Gathers the job activities that are due now and hands them to Hangfire as one Hangfire job per batch
/// (<see cref="WorkflowJobs.RunBatchAsync"/>) instead of one per engine job.
/// </summary>
/// <remarks>
/// Hangfire's PostgreSQL storage spends about 30 transactions on each Hangfire job (create, enqueue, fetch, two
/// locked state changes, expiry, counters, dequeue), far more than the engine's own command for a job, so one
/// Hangfire job per engine job made Hangfire the limit (docs/benchmarks.md, P2). The engine's outbox stays the
/// source of truth: an id gathered here and lost with the process is still pending there, and the host's start
/// or the outbox sweep dispatches it again.
/// </remarks>
internal sealed class JobBatcher(IBackgroundJobClient hangfire, JobSettings settings, ILogger<JobBatcher> logger) : BackgroundService
{
    private readonly Channel<Guid> due = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(Guid jobId) => due.Writer.TryWrite(jobId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await due.Reader.WaitToReadAsync(stoppingToken))
            {
                // Real time, not the engine's clock: the window only lets jobs that are dispatched together travel
                // together, and a controllable clock in tests would never end it.
                if (settings.BatchWindow > TimeSpan.Zero) await Task.Delay(settings.BatchWindow, stoppingToken);
                HandOverGathered();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Hands over what came in while the host was stopping, once the loop has ended (or never began).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        HandOverGathered();
    }

    private void HandOverGathered()
    {
        var batch = new List<Guid>(settings.BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < settings.BatchSize && due.Reader.TryRead(out var id)) batch.Add(id);
            if (batch.Count == 0) return;
            var ids = batch.Distinct().ToArray();
            try
            {
                hangfire.Enqueue<WorkflowJobs>(j => j.RunBatchAsync(ids, CancellationToken.None));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not hand {Count} job(s) to Hangfire; they stay pending in the outbox until the sweep or the next start", ids.Length);
            }
        }
    }
}
