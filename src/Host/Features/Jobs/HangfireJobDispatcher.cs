using Hangfire;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>Hands the engine's committed outbox work to Hangfire.</summary>
/// <remarks>
/// Jobs due now join the batch that made them due (<see cref="JobBatch"/>) or go to the <see cref="JobBatcher"/>;
/// later ones (retries after back-off) are scheduled one by one.
/// </remarks>
internal sealed class HangfireJobDispatcher(IBackgroundJobClient hangfire, JobBatcher batcher, TimeProvider time,
    ILogger<HangfireJobDispatcher> logger) : IJobDispatcher
{
    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore)
    {
        if (Delay(notBefore) is { } delay)
            Hand("job", jobId, notBefore, () => hangfire.Schedule<WorkflowJobs>(j => j.RunAsync(jobId, CancellationToken.None), delay));
        else if (!JobBatch.TryJoinCurrent(jobId))
            batcher.Add(jobId);
    }

    public void ScheduleTimer(Guid timerId, DateTimeOffset dueAt) =>
        Hand("timer", timerId, dueAt, () => Delay(dueAt) is { } delay
            ? hangfire.Schedule<WorkflowJobs>(j => j.FireTimerAsync(timerId, CancellationToken.None), delay)
            : hangfire.Enqueue<WorkflowJobs>(j => j.FireTimerAsync(timerId, CancellationToken.None)));

    /// <summary>
    /// A delay rather than an instant: the engine's clock may be the controllable one, ahead of the real time
    /// Hangfire schedules by.
    /// </summary>
    private TimeSpan? Delay(DateTimeOffset? at) =>
        at is { } when && when - time.GetUtcNow() is var delay && delay > TimeSpan.Zero ? delay : null;

    /// <remarks>
    /// The engine calls this after its transaction has committed, so throwing would report a failure for a
    /// command that succeeded. Work not handed over stays pending in the outbox: the next start dispatches it
    /// again, and the timer poller fires due timers meanwhile.
    /// </remarks>
    private void Hand(string kind, Guid id, DateTimeOffset? at, Func<string> enqueue)
    {
        try
        {
            enqueue();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not hand {Kind} {Id} (due {At}) to Hangfire; it stays pending until the host restarts", kind, id, at);
        }
    }
}
