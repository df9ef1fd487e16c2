using Microsoft.Extensions.Configuration;
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
/// Work that fails now and then, as outside systems do: a share of calls (Bench:FailureRate, default 5 %) throws,
/// and the engine retries it.
/// </summary>
[Activity("Bench.Flaky", Execution = ActivityExecution.Job)]
internal sealed class FlakyActivity(IConfiguration configuration) : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        Random.Shared.NextDouble() < configuration.GetValue("Bench:FailureRate", 0.05)
            ? throw new InvalidOperationException("Simulated failure of an outside system.")
            : Task.FromResult(ActivityResult.Empty);
}

/// <summary>
/// The child process: the real Host (HostApp, as Program.cs builds it) plus the bench activity, which stays out of
/// the product's registration. Prints "READY url" once listening, then every second "JIT n" (methods compiled so
/// far, so the bench can see when the runtime has finished optimising the hot code), and stops when its standard
/// input closes.
/// </summary>
internal static class BenchHost
{
    public const string Verb = "serve";
    public const string Ready = "READY ";
    public const string Jit = "JIT ";

    public static async Task RunAsync(string[] settings)
    {
        await using var app = HostApp.Build(settings, builder => builder.Services.AddActivity<InstantActivity>().AddActivity<FlakyActivity>());
        await app.StartAsync();
        Console.WriteLine(Ready + app.Urls.First());
        using var stop = new CancellationTokenSource();
        var report = ReportJitAsync(stop.Token);
        while (await Console.In.ReadLineAsync() is not null) { }
        await stop.CancelAsync();
        await report;
        await app.StopAsync();
    }

    private static async Task ReportJitAsync(CancellationToken ct)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
                Console.WriteLine(Jit + System.Runtime.JitInfo.GetCompiledMethodCount().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (OperationCanceledException) { }
    }
}
