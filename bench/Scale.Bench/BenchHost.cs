using Microsoft.AspNetCore.Builder;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Host;

namespace RJH.DeviceWorkflows.Scale.Bench;

/// <summary>Instant simulated work: what the job costs is the engine's and Hangfire's part alone.</summary>
[Activity("Bench.Instant", Execution = ActivityExecution.Job)]
internal sealed class InstantActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) => Task.FromResult(ActivityResult.Empty);
}

/// <summary>
/// The child process: the real Host (HostApp, as Program.cs builds it) plus the bench activity, which stays out of
/// the product's registration. Prints "READY url" once listening and stops when its standard input closes.
/// </summary>
internal static class BenchHost
{
    public const string Verb = "serve";
    public const string Ready = "READY ";

    public static async Task RunAsync(string[] settings)
    {
        await using var app = HostApp.Build(settings, builder => builder.Services.AddActivity<InstantActivity>());
        await app.StartAsync();
        Console.WriteLine(Ready + app.Urls.First());
        while (await Console.In.ReadLineAsync() is not null) { }
        await app.StopAsync();
    }
}
