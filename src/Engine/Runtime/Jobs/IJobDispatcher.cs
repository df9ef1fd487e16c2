namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// Hands committed jobs to whatever runs them (Hangfire in the Host). Called only after the
/// transaction that wrote the job has committed; losing a call is harmless because the host
/// re-dispatches every pending job when it starts, and the outbox sweep finds stale ones.
/// </summary>
/// <remarks>
/// Timers have no dispatch: the engine's <see cref="TimerPoller"/> fires them from the database. Handing them to a
/// job runner as well made every timer fire twice, once of the two losing a concurrency race.
/// </remarks>
public interface IJobDispatcher
{
    void DispatchJob(Guid jobId, DateTimeOffset? notBefore);
}
