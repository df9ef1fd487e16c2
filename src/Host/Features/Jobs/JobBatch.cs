using System.Threading.Channels;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// One run of a batch of engine jobs inside one Hangfire job. A job that, once applied, makes the next job due
/// at once (the next service task of the same instance) hands it to the running batch instead of to Hangfire,
/// so a chain of job activities costs one Hangfire job rather than one per step.
/// </summary>
internal sealed class JobBatch
{
    private static readonly AsyncLocal<JobBatch?> Current = new();

    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();
    private readonly int capacity;
    private int admitted;
    private int outstanding;

    private JobBatch(IReadOnlyCollection<Guid> jobIds, int capacity)
    {
        this.capacity = capacity;
        admitted = jobIds.Count;
        foreach (var id in jobIds) Enqueue(id);
        if (outstanding == 0) queue.Writer.TryComplete();
    }

    /// <summary>
    /// Adds a job to the batch the calling code runs in, if it runs in one that has room; the room ends the
    /// batch even when a model loops through job activities forever, and what does not fit goes to Hangfire.
    /// </summary>
    public static bool TryJoinCurrent(Guid jobId)
    {
        var batch = Current.Value;
        if (batch is null || Interlocked.Increment(ref batch.admitted) > batch.capacity) return false;
        return batch.Enqueue(jobId);
    }

    /// <summary>
    /// Runs <paramref name="jobIds"/> and the jobs they make due, each while holding one of <paramref name="slots"/>
    /// (shared by every batch of the host, so the bound is the host's, not the batch's).
    /// </summary>
    public static async Task RunAsync(IReadOnlyCollection<Guid> jobIds, int capacity, JobSlots slots,
        Func<Guid, CancellationToken, Task> run, CancellationToken ct)
    {
        var batch = new JobBatch(jobIds, Math.Max(capacity, jobIds.Count));
        // Set before the workers start so each inherits it; an async method's change does not reach its caller.
        Current.Value = batch;
        var workers = Enumerable.Range(0, slots.Count).Select(_ => Task.Run(async () =>
        {
            await foreach (var jobId in batch.queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await slots.Gate.WaitAsync(ct);
                    try { await run(jobId, ct); }
                    finally { slots.Gate.Release(); }
                }
                finally { batch.Done(); }
            }
        }, ct));
        await Task.WhenAll(workers);
    }

    /// <remarks>
    /// False once the batch has ended: work started by a job but finished after the batch (a task left running)
    /// still carries the batch in its context, and its jobs must go to Hangfire instead.
    /// </remarks>
    private bool Enqueue(Guid jobId)
    {
        Interlocked.Increment(ref outstanding);
        if (queue.Writer.TryWrite(jobId)) return true;
        Interlocked.Decrement(ref outstanding);
        return false;
    }

    /// <summary>A job is counted out only after its follow-ups are counted in, so the batch ends with its last job.</summary>
    private void Done()
    {
        if (Interlocked.Decrement(ref outstanding) == 0) queue.Writer.TryComplete();
    }
}

/// <summary>The host's bound on jobs of batches running at once (<see cref="JobSettings.BatchParallelism"/>).</summary>
internal sealed class JobSlots(int count)
{
    public int Count { get; } = count;
    public SemaphoreSlim Gate { get; } = new(count, count);
}
