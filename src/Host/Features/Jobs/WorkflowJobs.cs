using Hangfire;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// What Hangfire runs: it stores only this type, a method name and outbox ids. The work itself (inputs,
/// attempts, the idempotency key) stays in the engine's outbox, which is the source of truth.
/// </summary>
/// <remarks>
/// Hangfire's own retries are off: the engine counts attempts, backs off and raises incidents itself, and a
/// second layer of retries would multiply the attempts an activity type is configured for. A run that throws
/// anyway (the database is down) fails in Hangfire; its outbox row stays pending and the engine dispatches it
/// again when the host next starts.
/// </remarks>
[AutomaticRetry(Attempts = 0)]
internal sealed class WorkflowJobs(IJobRunner runner, IJobDispatcher dispatcher, JobSettings settings, JobSlots slots,
    TimeProvider time, ILogger<WorkflowJobs> logger)
{
    /// <summary>A job of a batch that could not even be run (not an activity's failure, which the engine handles).</summary>
    private static readonly TimeSpan AgainAfterError = TimeSpan.FromSeconds(10);

    /// <summary>A batch runs at most this many times its size in jobs, follow-ups included, before it hands on.</summary>
    private const int FollowUpRoom = 10;

    [JobDisplayName("Workflow job {0}")]
    public Task RunAsync(Guid jobId, CancellationToken ct) => Blocked(runner.RunJobAsync(jobId, ct));

    /// <summary>
    /// Runs the jobs <see cref="JobBatcher"/> gathered, and the jobs they make due at once (<see cref="JobBatch"/>),
    /// several at a time. A job that cannot be run at all (its store call failed; an activity's own failure is the
    /// engine's to retry) does not fail the others: it is dispatched again shortly, on its own.
    /// </summary>
    [JobDisplayName("Workflow jobs (batch)")]
    public Task RunBatchAsync(Guid[] jobIds, CancellationToken ct) => Blocked(
        JobBatch.RunAsync(jobIds, FollowUpRoom * settings.BatchSize, slots, async (jobId, token) =>
        {
            try
            {
                await runner.RunJobAsync(jobId, token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                logger.LogError(e, "Job {JobId} could not be run; dispatching it again in {Delay}", jobId, AgainAfterError);
                dispatcher.DispatchJob(jobId, time.GetUtcNow() + AgainAfterError);
            }
        }, ct));

    /// <summary>
    /// Waits for the work on Hangfire's worker thread by blocking, and hands Hangfire a finished task. Hangfire waits
    /// for a job method's task itself with <c>Task.Wait</c>, which spins before it blocks; on two cores the spinning
    /// workers took CPU from the jobs they waited for (P2: 84–86 → 96–103 instances/s, host CPU per instance
    /// 16.4–16.7 → 13.4–14.4 ms; docs/benchmarks.md). A worker thread is Hangfire's own, so blocking it is its model.
    /// </summary>
    private static Task Blocked(Task task)
    {
        if (!task.IsCompleted) ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        return task;
    }

    /// <summary>
    /// Timers are the engine's timer poller's now; this stays so that timer jobs a host of an earlier version left in
    /// Hangfire's storage still run (firing a timer twice is harmless: the second finds it gone).
    /// </summary>
    [JobDisplayName("Workflow timer {0}")]
    public Task FireTimerAsync(Guid timerId, CancellationToken ct) => Blocked(runner.FireTimerAsync(timerId, ct));
}
