namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>Outbox work a command produced; handed to the dispatcher only once its transaction has committed.</summary>
internal sealed class AfterCommitWork
{
    private readonly List<(Guid Id, DateTimeOffset? NotBefore)> jobs = [];
    private readonly List<(Guid Id, DateTimeOffset DueAt)> timers = [];

    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore) => jobs.Add((jobId, notBefore));
    public void ScheduleTimer(Guid timerId, DateTimeOffset dueAt) => timers.Add((timerId, dueAt));

    public void HandTo(IJobDispatcher dispatcher)
    {
        foreach (var (id, notBefore) in jobs) dispatcher.DispatchJob(id, notBefore);
        foreach (var (id, dueAt) in timers) dispatcher.ScheduleTimer(id, dueAt);
    }
}
