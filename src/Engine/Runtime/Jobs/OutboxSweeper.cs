using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// Hands jobs that have waited too long back to the dispatcher: a hand-over that failed after its
/// commit, or a run that died outside the activity, would otherwise wait for the next start.
/// A job that does run twice is applied once.
/// </summary>
internal sealed class OutboxSweeper(IWorkflowStore store, IJobDispatcher dispatcher, TimeProvider time,
    IOptions<JobOptions> options, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private const int Batch = 1000;

    /// <summary>Dispatches every pending job whose turn (creation or next attempt) is older than StaleAfter.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var stale = time.GetUtcNow() - options.Value.StaleAfter;
        var jobs = await store.ListPendingJobsAsync(Batch, ct);
        var swept = 0;
        foreach (var job in jobs.Where(j => (j.NextAttemptAt ?? j.CreatedAt) < stale))
        {
            dispatcher.DispatchJob(job.Id, null);
            swept++;
        }
        if (swept > 0) logger.LogWarning("Re-dispatched {Count} job(s) pending for longer than {StaleAfter}", swept, options.Value.StaleAfter);
        return swept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(options.Value.SweepInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Outbox sweep failed"); }
        }
    }
}
