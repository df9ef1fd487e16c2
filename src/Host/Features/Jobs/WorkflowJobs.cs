using Hangfire;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// What Hangfire runs: it stores only this type, a method name and an outbox id. The work itself (inputs,
/// attempts, the idempotency key) stays in the engine's outbox, which is the source of truth.
/// </summary>
/// <remarks>
/// Hangfire's own retries are off: the engine counts attempts, backs off and raises incidents itself, and a
/// second layer of retries would multiply the attempts an activity type is configured for. A run that throws
/// anyway (the database is down) fails in Hangfire; its outbox row stays pending and the engine dispatches it
/// again when the host next starts.
/// </remarks>
[AutomaticRetry(Attempts = 0)]
internal sealed class WorkflowJobs(IJobRunner runner)
{
    [JobDisplayName("Workflow job {0}")]
    public Task RunAsync(Guid jobId, CancellationToken ct) => runner.RunJobAsync(jobId, ct);

    [JobDisplayName("Workflow timer {0}")]
    public Task FireTimerAsync(Guid timerId, CancellationToken ct) => runner.FireTimerAsync(timerId, ct);
}
