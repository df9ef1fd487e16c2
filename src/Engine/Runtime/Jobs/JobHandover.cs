using System.Collections.Concurrent;
using System.Diagnostics;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// Jobs this host's commands created and handed to the dispatcher, kept until they run: the run would otherwise read
/// the job back right after the command that wrote it, one round trip for every job activity that follows another
/// (P2, docs/benchmarks.md). The run's read is only a first look — applying the outcome checks the job again in its
/// own transaction — so a job taken from here is as safe as one read. A job is taken once (a second delivery reads
/// the database), and not after a minute; those that run on other hosts are dropped when they fill the capacity.
/// </summary>
internal sealed class JobHandover
{
    internal const int Capacity = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, (JobToRun Job, long At)> jobs = new();

    /// <summary>Called after the job's command committed and before the job is dispatched.</summary>
    /// <remarks>
    /// Jobs that run on other hosts are never taken here. When they fill the capacity everything is dropped at once:
    /// a dropped job is only read again, whereas looking for the old ones on every call would scan ten thousand
    /// entries per dispatched job on a busy host of several.
    /// </remarks>
    public void Remember(JobToRun job)
    {
        if (jobs.Count >= Capacity) jobs.Clear();
        jobs[job.Job.Id] = (job, Stopwatch.GetTimestamp());
    }

    /// <returns>The job as its command committed it, or null when it must be read.</returns>
    public JobToRun? Take(Guid jobId) =>
        jobs.TryRemove(jobId, out var held) && Stopwatch.GetElapsedTime(held.At) < Lifetime ? held.Job : null;
}
