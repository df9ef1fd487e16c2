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
    public void Work_due_now_or_earlier_is_enqueued_with_only_its_id()
    {
        var client = new RecordingClient();
        var dispatcher = new HangfireJobDispatcher(client, TimeProvider.System, NullLogger<HangfireJobDispatcher>.Instance);
        var jobId = Guid.NewGuid();
        var timerId = Guid.NewGuid();

        dispatcher.DispatchJob(jobId, null);
        dispatcher.ScheduleTimer(timerId, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5));

        Assert.Collection(client.Created,
            c => AssertCall(c, nameof(WorkflowJobs.RunAsync), jobId),
            c => AssertCall(c, nameof(WorkflowJobs.FireTimerAsync), timerId));
        Assert.All(client.Created, c => Assert.IsType<EnqueuedState>(c.State));
    }

    [Fact]
    public void Later_work_is_scheduled_after_the_same_delay_on_the_engines_clock_even_when_that_clock_is_ahead()
    {
        var client = new RecordingClient();
        var clock = new ControllableTimeProvider();
        clock.Advance(TimeSpan.FromDays(3));
        var dispatcher = new HangfireJobDispatcher(client, clock, NullLogger<HangfireJobDispatcher>.Instance);

        dispatcher.DispatchJob(Guid.NewGuid(), clock.GetUtcNow() + TimeSpan.FromSeconds(30));

        var scheduled = Assert.IsType<ScheduledState>(Assert.Single(client.Created).State);
        var delay = scheduled.EnqueueAt - DateTime.UtcNow;
        Assert.InRange(delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public void A_hand_over_that_fails_is_not_thrown_at_a_command_that_has_committed()
    {
        var dispatcher = new HangfireJobDispatcher(new RecordingClient { Fails = true }, TimeProvider.System,
            NullLogger<HangfireJobDispatcher>.Instance);

        dispatcher.DispatchJob(Guid.NewGuid(), null);
        dispatcher.ScheduleTimer(Guid.NewGuid(), DateTimeOffset.UtcNow);
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
        Assert.IsType<InMemoryStorage>(HangfireStorage.Create(new DatabaseOptions(provider, "Data Source=x.db")));
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_alternatives()
    {
        var error = Assert.Throws<NotSupportedException>(() => HangfireStorage.Create(new DatabaseOptions("Oracle", "x")));

        Assert.Contains("PostgreSql", error.Message);
        Assert.Contains("Jobs:Runner", error.Message);
    }

    private static void AssertCall(Created call, string method, Guid id)
    {
        Assert.Equal(typeof(WorkflowJobs), call.Job.Type);
        Assert.Equal(method, call.Job.Method.Name);
        Assert.Equal(id, call.Job.Args[0]);
    }

    private sealed record Created(Job Job, IState State);

    private sealed class RecordingClient : IBackgroundJobClient
    {
        public bool Fails { get; init; }
        public List<Created> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            if (Fails) throw new BackgroundJobClientException("Storage is down", new InvalidOperationException());
            Created.Add(new Created(job, state));
            return Created.Count.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }
}
