using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Host.Features.Jobs;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Jobs;

/// <summary>A Hangfire job that runs a batch of engine jobs, and the jobs those make due at once.</summary>
public sealed class JobBatchTests
{
    [Fact]
    public async Task Jobs_a_batch_makes_due_run_in_the_same_batch_before_it_ends()
    {
        var ran = new ConcurrentQueue<Guid>();
        Guid[] first = [Guid.NewGuid(), Guid.NewGuid()];
        var followUps = first.ToDictionary(id => id, _ => Guid.NewGuid());

        await JobBatch.RunAsync(first, capacity: 10, new JobSlots(4), (id, _) =>
        {
            ran.Enqueue(id);
            if (followUps.TryGetValue(id, out var next)) Assert.True(JobBatch.TryJoinCurrent(next));
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(first.Concat(followUps.Values).Order(), ran.Order());
    }

    [Fact]
    public async Task A_batch_takes_follow_ups_only_up_to_its_room_so_a_looping_model_still_ends_it()
    {
        var handedOn = 0;
        var ran = 0;

        await JobBatch.RunAsync([Guid.NewGuid()], capacity: 5, new JobSlots(2), (_, _) =>
        {
            Interlocked.Increment(ref ran);
            if (!JobBatch.TryJoinCurrent(Guid.NewGuid())) Interlocked.Increment(ref handedOn);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(5, ran);
        Assert.Equal(1, handedOn);
    }

    [Fact]
    public async Task Work_a_job_leaves_running_past_its_batch_cannot_join_the_ended_batch()
    {
        Task<bool>? late = null;
        using var release = new SemaphoreSlim(0);

        await JobBatch.RunAsync([Guid.NewGuid()], capacity: 10, new JobSlots(1), (_, _) =>
        {
            // Carries the batch in its context, as a fire-and-forget task started by an activity would.
            late = Task.Run(async () => { await release.WaitAsync(); return JobBatch.TryJoinCurrent(Guid.NewGuid()); });
            return Task.CompletedTask;
        }, CancellationToken.None);
        release.Release();

        Assert.False(await late!);
    }

    [Fact]
    public async Task Batches_running_side_by_side_share_the_hosts_bound_on_jobs_at_once()
    {
        var slots = new JobSlots(2);
        var running = 0;
        var most = 0;
        Task Run(Guid _, CancellationToken __) => Task.Run(async () =>
        {
            var now = Interlocked.Increment(ref running);
            lock (slots) most = Math.Max(most, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref running);
        });

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            JobBatch.RunAsync(Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList(), capacity: 10, slots, Run, CancellationToken.None)));

        Assert.Equal(2, most);
    }

    [Fact]
    public void Outside_a_batch_nothing_can_join_one()
    {
        Assert.False(JobBatch.TryJoinCurrent(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_job_that_cannot_be_run_is_dispatched_again_later_and_the_others_of_its_batch_still_run()
    {
        var broken = Guid.NewGuid();
        Guid[] fine = [Guid.NewGuid(), Guid.NewGuid()];
        var runner = new Runner(broken);
        var dispatcher = new RecordingDispatcher();
        var clock = new ControllableTimeProvider();
        var jobs = new WorkflowJobs(runner, dispatcher, new JobSettings(), new JobSlots(4), clock, NullLogger<WorkflowJobs>.Instance);

        await jobs.RunBatchAsync([fine[0], broken, fine[1]], CancellationToken.None);

        Assert.Equal(fine.Order(), runner.Completed.Order());
        var (id, notBefore) = Assert.Single(dispatcher.Dispatched);
        Assert.Equal(broken, id);
        Assert.True(notBefore > clock.GetUtcNow(), "A job that could not be run is dispatched again at once, in a tight loop.");
    }

    private sealed class Runner(Guid broken) : IJobRunner
    {
        public ConcurrentBag<Guid> Completed { get; } = [];

        public Task RunJobAsync(Guid jobId, CancellationToken ct = default)
        {
            if (jobId == broken) throw new InvalidOperationException("The store is down.");
            Completed.Add(jobId);
            return Task.CompletedTask;
        }

        public Task FireTimerAsync(Guid timerId, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class RecordingDispatcher : IJobDispatcher
    {
        public ConcurrentBag<(Guid Id, DateTimeOffset? NotBefore)> Dispatched { get; } = [];
        public void DispatchJob(Guid jobId, DateTimeOffset? notBefore) => Dispatched.Add((jobId, notBefore));
    }
}
