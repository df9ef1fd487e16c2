using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// On start, hands every pending job to the dispatcher again. The database is the source of truth,
/// so an in-memory job store loses nothing across a restart; a job delivered twice is applied once.
/// Timers need nothing: the timer poller's first look fires every one that fell due meanwhile.
/// </summary>
internal sealed class OutboxRecovery(IWorkflowStore store, IJobDispatcher dispatcher, ILogger<OutboxRecovery> logger) : IHostedService
{
    private const int Max = 1_000_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = await store.ListPendingJobsAsync(Max, cancellationToken);
        foreach (var job in jobs) dispatcher.DispatchJob(job.Id, job.NextAttemptAt);
        if (jobs.Count > 0) logger.LogInformation("Re-dispatched {Jobs} pending job(s)", jobs.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
