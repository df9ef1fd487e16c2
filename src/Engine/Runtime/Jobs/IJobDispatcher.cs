namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// Hands committed outbox work to whatever runs it (Hangfire in the Host). Called only after the
/// transaction that wrote the work has committed; losing a call is harmless because the host
/// re-dispatches every pending job and timer when it starts, and the timer poller is a backstop.
/// </summary>
public interface IJobDispatcher
{
    void DispatchJob(Guid jobId, DateTimeOffset? notBefore);
    void ScheduleTimer(Guid timerId, DateTimeOffset dueAt);
}
