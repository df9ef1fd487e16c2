using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>Job activities that exist only in test hosts.</summary>
internal static class TestActivities
{
    public static void Add(IServiceCollection services) => services.AddActivity<EchoActivity>().AddActivity<FlakyActivity>();
}

/// <summary>An outside call that answers at once: output <c>echo</c> is its input <c>value</c>.</summary>
[Activity("Test.Echo", Execution = ActivityExecution.Job)]
internal sealed class EchoActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["echo"] = context.Input("value")?.DeepClone() }));
}

/// <summary>An outside system that is down for a run (input <c>run</c>) until the test says it is back.</summary>
[Activity("Test.Flaky", Execution = ActivityExecution.Job)]
internal sealed class FlakyActivity : IActivity
{
    private static readonly ConcurrentDictionary<string, int> Healthy = new();
    private static readonly ConcurrentDictionary<string, int> Calls = new();

    public static void Recover(string run) => Healthy[run] = 1;

    public static int CallsFor(string run) => Calls.GetValueOrDefault(run);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var run = context.Input("run")!.GetValue<string>();
        Calls.AddOrUpdate(run, 1, (_, n) => n + 1);
        if (!Healthy.ContainsKey(run)) throw new HttpRequestException("MDM answered 503 Service Unavailable");
        return Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["serial"] = "SN-" + run }));
    }
}
