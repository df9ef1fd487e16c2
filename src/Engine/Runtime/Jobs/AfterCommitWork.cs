namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>Jobs a command made due; handed to the dispatcher only once its transaction has committed.</summary>
/// <remarks>Timers are not handed anywhere: the <see cref="TimerPoller"/> finds them in the database when they fall due.</remarks>
internal sealed class AfterCommitWork
{
    private readonly List<(Guid Id, DateTimeOffset? NotBefore)> jobs = [];

    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore) => jobs.Add((jobId, notBefore));

    public void HandTo(IJobDispatcher dispatcher)
    {
        foreach (var (id, notBefore) in jobs) dispatcher.DispatchJob(id, notBefore);
    }
}
