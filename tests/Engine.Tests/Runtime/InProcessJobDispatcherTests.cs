using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>The engine's in-process runner runs as many jobs at once as it is given workers; jobs mostly wait on outside systems.</summary>
public sealed class InProcessJobDispatcherTests
{
    [Fact]
    public async Task As_many_jobs_run_at_once_as_there_are_workers_and_the_rest_follow()
    {
        var runner = new WaitingRunner();
        await using var services = new ServiceCollection().AddSingleton<IJobRunner>(runner).BuildServiceProvider();
        var dispatcher = new InProcessJobDispatcher(services, new FakeTimeProvider(), Options.Create(new JobOptions { Workers = 3 }),
            NullLogger<InProcessJobDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 5; i++) dispatcher.DispatchJob(Guid.NewGuid(), null);

            await runner.WaitUntilRunningAsync(3);
            await Task.Delay(200);
            Assert.Equal(3, runner.Running);

            runner.Release.SetResult();
            await runner.WaitUntilFinishedAsync(5);
            Assert.Equal(3, runner.MostAtOnce);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private sealed class WaitingRunner : IJobRunner
    {
        private int running, finished, mostAtOnce;
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Running => Volatile.Read(ref running);
        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public async Task RunJobAsync(Guid jobId, CancellationToken ct = default)
        {
            var now = Interlocked.Increment(ref running);
            int most;
            while (now > (most = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, most) != most) { }
            await Release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref finished);
        }

        public Task FireTimerAsync(Guid timerId, CancellationToken ct = default) => Task.CompletedTask;

        public Task WaitUntilRunningAsync(int count) => WaitUntilAsync(() => Running >= count);
        public Task WaitUntilFinishedAsync(int count) => WaitUntilAsync(() => Volatile.Read(ref finished) >= count);

        private static async Task WaitUntilAsync(Func<bool> condition)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!condition()) await Task.Delay(10, limit.Token);
        }
    }
}
