using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Jobs;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Jobs;

/// <summary>The dispatcher, the job class and the storage choice, without a host.</summary>
public sealed class HangfireJobDispatcherTests
{
    [Fact]
    public async Task Jobs_due_together_travel_to_hangfire_as_one_batch_of_ids()
    {
        var client = new RecordingClient();
        await using var batcher = await StartedBatcherAsync(client, new JobSettings { BatchWindow = TimeSpan.FromMilliseconds(200) });
        var dispatcher = new HangfireJobDispatcher(client, batcher.Batcher, TimeProvider.System, NullLogger<HangfireJobDispatcher>.Instance);
        Guid[] jobs = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        foreach (var job in jobs) dispatcher.DispatchJob(job, null);
        await client.WaitForAsync(1);

        var batch = Assert.Single(client.Created);
        Assert.Equal(jobs, AssertBatch(batch));
        Assert.IsType<EnqueuedState>(batch.State);
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_batch_size()
    {
        var client = new RecordingClient();
        await using var batcher = await StartedBatcherAsync(client, new JobSettings { BatchSize = 2, BatchWindow = TimeSpan.FromMilliseconds(200) });
        var jobs = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();

        foreach (var job in jobs) batcher.Batcher.Add(job);
        await client.WaitForAsync(3);

        Assert.Equal([2, 2, 1], client.Created.Select(c => AssertBatch(c).Length));
        Assert.Equal(jobs, client.Created.SelectMany(AssertBatch));
    }

    [Fact]
    public async Task A_batch_that_cannot_be_handed_over_is_logged_and_the_next_ones_still_go()
    {
        var client = new RecordingClient { FailFirst = 1 };
        await using var batcher = await StartedBatcherAsync(client, new JobSettings { BatchWindow = TimeSpan.Zero });

        batcher.Batcher.Add(Guid.NewGuid());
        for (var i = 0; i < 100 && client.Calls == 0; i++) await Task.Delay(50);
        var second = Guid.NewGuid();
        batcher.Batcher.Add(second);
        await client.WaitForAsync(1);

        Assert.Equal([second], AssertBatch(Assert.Single(client.Created)));
    }

    [Fact]
    public async Task What_is_gathered_while_the_host_stops_is_still_handed_over()
    {
        var client = new RecordingClient();
        var batcher = new JobBatcher(client, new JobSettings { BatchWindow = TimeSpan.FromSeconds(5) }, NullLogger<JobBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        var job = Guid.NewGuid();

        batcher.Add(job);
        await batcher.StopAsync(CancellationToken.None);

        Assert.Equal([job], AssertBatch(Assert.Single(client.Created)));
    }

    [Fact]
    public void Later_work_is_scheduled_after_the_same_delay_on_the_engines_clock_even_when_that_clock_is_ahead()
    {
        var client = new RecordingClient();
        var clock = new ControllableTimeProvider();
        clock.Advance(TimeSpan.FromDays(3));
        var dispatcher = new HangfireJobDispatcher(client, Unstarted(client), clock, NullLogger<HangfireJobDispatcher>.Instance);

        var jobId = Guid.NewGuid();
        dispatcher.DispatchJob(jobId, clock.GetUtcNow() + TimeSpan.FromSeconds(30));

        var call = Assert.Single(client.Created);
        AssertCall(call, nameof(WorkflowJobs.RunAsync), jobId);
        var scheduled = Assert.IsType<ScheduledState>(call.State);
        var delay = scheduled.EnqueueAt - DateTime.UtcNow;
        Assert.InRange(delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public void A_hand_over_that_fails_is_not_thrown_at_a_command_that_has_committed()
    {
        var client = new RecordingClient { FailFirst = int.MaxValue };
        var dispatcher = new HangfireJobDispatcher(client, Unstarted(client), TimeProvider.System, NullLogger<HangfireJobDispatcher>.Instance);

        dispatcher.DispatchJob(Guid.NewGuid(), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Hangfire_does_not_retry_the_engines_jobs()
    {
        var retry = typeof(WorkflowJobs).GetCustomAttribute<AutomaticRetryAttribute>();

        Assert.NotNull(retry);
        Assert.Equal(0, retry.Attempts);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData("SQLITE")]
    public void Sqlite_keeps_hangfire_in_memory(string provider)
    {
        Assert.IsType<InMemoryStorage>(HangfireStorage.Create(new DatabaseOptions(provider, "Data Source=x.db"), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_alternatives()
    {
        var error = Assert.Throws<NotSupportedException>(() => HangfireStorage.Create(new DatabaseOptions("Oracle", "x"), TimeSpan.FromSeconds(1)));

        Assert.Contains("PostgreSql", error.Message);
        Assert.Contains("Jobs:Runner", error.Message);
    }

    private static void AssertCall(Created call, string method, Guid id)
    {
        Assert.Equal(typeof(WorkflowJobs), call.Job.Type);
        Assert.Equal(method, call.Job.Method.Name);
        Assert.Equal(id, call.Job.Args[0]);
    }

    private static Guid[] AssertBatch(Created call)
    {
        Assert.Equal(typeof(WorkflowJobs), call.Job.Type);
        Assert.Equal(nameof(WorkflowJobs.RunBatchAsync), call.Job.Method.Name);
        return Assert.IsType<Guid[]>(call.Job.Args[0]);
    }

    private static JobBatcher Unstarted(IBackgroundJobClient client) =>
        new(client, new JobSettings(), NullLogger<JobBatcher>.Instance);

    private static async Task<RunningBatcher> StartedBatcherAsync(IBackgroundJobClient client, JobSettings settings)
    {
        var batcher = new JobBatcher(client, settings, NullLogger<JobBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        return new RunningBatcher(batcher);
    }

    private sealed record RunningBatcher(JobBatcher Batcher) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Batcher.StopAsync(CancellationToken.None);
    }

    private sealed record Created(Job Job, IState State);

    private sealed class RecordingClient : IBackgroundJobClient
    {
        private int calls;

        /// <summary>How many calls fail, as when the storage is down, before the rest succeed.</summary>
        public int FailFirst { get; init; }
        public List<Created> Created { get; } = [];
        public int Calls => Volatile.Read(ref calls);

        public string Create(Job job, IState state)
        {
            if (Interlocked.Increment(ref calls) <= FailFirst) throw new BackgroundJobClientException("Storage is down", new InvalidOperationException());
            lock (Created) Created.Add(new Created(job, state));
            return calls.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 100 && Created.Count < count; i++) await Task.Delay(50);
            await Task.Delay(100);   // and nothing more arrives
            Assert.Equal(count, Created.Count);
        }
    }
}
