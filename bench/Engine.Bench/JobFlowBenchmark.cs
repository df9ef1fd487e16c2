using RJH.DeviceWorkflows.Bench;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Bench;

[Activity("Bench.Instant", Execution = ActivityExecution.Job)]
internal sealed class InstantActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(Activities.ActivityContext context, CancellationToken ct) => Task.FromResult(ActivityResult.Empty);
}

/// <summary>
/// P2: three job activities in a row with instant simulated work. Each job is an outbox row, a run
/// and a command applying its result; measured with the engine's in-process job runner.
/// </summary>
internal static class JobFlowBenchmark
{
    private const string Model = JobFlowModel.Xml;

    public static async Task<(double Instances, double Tasks)> RunAsync(BenchDatabase database, BenchOptions options, int count)
    {
        await using var host = await EngineHost.StartAsync(database, s => s.AddActivity<InstantActivity>());
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted) await service.StartAsync(CancellationToken.None);
        try
        {
            await host.Engine.DeployAsync(Model, publish: true, EngineHost.Admin);
            var store = host.Services.GetRequiredService<IWorkflowStore>();
            var request = new StartInstance("p2-jobs", null, null);
            var clock = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) <= count) await host.Engine.StartAsync(request, EngineHost.Admin);
            })));
            while (true)
            {
                var done = await store.ListInstancesAsync(new InstanceQuery("p2-jobs", InstanceStatus.Completed, count), default);
                if (done.Count >= count) break;
                if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"only {done.Count} of {count} completed");
                await Task.Delay(50);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            return (count / seconds, 3 * count / seconds);
        }
        finally
        {
            foreach (var service in hosted) await service.StopAsync(CancellationToken.None);
        }
    }
}
