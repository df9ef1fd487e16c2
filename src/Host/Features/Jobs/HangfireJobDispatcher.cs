using Hangfire;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>Hands the engine's committed outbox work to Hangfire.</summary>
/// <remarks>
/// Jobs due now join the batch that made them due (<see cref="JobBatch"/>) or go to the <see cref="JobBatcher"/>;
/// later ones (retries after back-off) are scheduled one by one. Timers are not Hangfire's: the engine's timer poller
/// fires them from the database.
/// </remarks>
internal sealed class HangfireJobDispatcher(IBackgroundJobClient hangfire, JobBatcher batcher, TimeProvider time,
    ILogger<HangfireJobDispatcher> logger) : IJobDispatcher
{
    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore)
    {
        if (Delay(notBefore) is { } delay)
            Schedule(jobId, notBefore, delay);
        else if (!JobBatch.TryJoinCurrent(jobId))
            batcher.Add(jobId);
    }

    /// <summary>
    /// A delay rather than an instant: the engine's clock may be the controllable one, ahead of the real time
    /// Hangfire schedules by.
    /// </summary>
    private TimeSpan? Delay(DateTimeOffset? at) =>
        at is { } when && when - time.GetUtcNow() is var delay && delay > TimeSpan.Zero ? delay : null;

    /// <remarks>
    /// The engine calls this after its transaction has committed, so throwing would report a failure for a
    /// command that succeeded. A job not handed over stays pending in the outbox, and the outbox sweep or the next
    /// start dispatches it again.
    /// </remarks>
    private void Schedule(Guid jobId, DateTimeOffset? at, TimeSpan delay)
    {
        try
        {
            hangfire.Schedule<WorkflowJobs>(j => j.RunAsync(jobId, CancellationToken.None), delay);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not hand job {Id} (due {At}) to Hangfire; it stays pending until the outbox sweep or a restart", jobId, at);
        }
    }
}
