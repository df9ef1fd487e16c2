using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>Jobs a command made due; handed to the dispatcher only once its transaction has committed.</summary>
/// <remarks>Timers are not handed anywhere: the <see cref="TimerPoller"/> finds them in the database when they fall due.</remarks>
internal sealed class AfterCommitWork
{
    private readonly List<(Guid Id, DateTimeOffset? NotBefore, JobToRun? Created)> jobs = [];

    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore) => jobs.Add((jobId, notBefore, null));

    /// <summary>A job this command created, due now: its run can take it from <see cref="JobHandover"/> instead of reading it.</summary>
    public void DispatchCreatedJob(JobToRun job) => jobs.Add((job.Job.Id, null, job));

    public void HandTo(IJobDispatcher dispatcher, JobHandover handover)
    {
        foreach (var (id, notBefore, created) in jobs)
        {
            // Before the dispatch: the dispatcher may run the job on another thread at once.
            if (created is not null) handover.Remember(created);
            dispatcher.DispatchJob(id, notBefore);
        }
    }
}
