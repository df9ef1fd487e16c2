using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>
/// Runs jobs on background tasks of this process. The engine's default when no Hangfire is configured
/// (library use, engine tests); timers are left to the timer poller.
/// </summary>
internal sealed class InProcessJobDispatcher(IServiceProvider services, TimeProvider time, IOptions<JobOptions> options,
    ILogger<InProcessJobDispatcher> logger)
    : BackgroundService, IJobDispatcher
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();

    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore)
    {
        var wait = notBefore is { } at ? at - time.GetUtcNow() : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero) queue.Writer.TryWrite(jobId);
        else _ = Task.Delay(wait, time).ContinueWith(_ => queue.Writer.TryWrite(jobId), TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = services.GetRequiredService<IJobRunner>();
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(async _ =>
        {
            await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try { await runner.RunJobAsync(jobId, stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { logger.LogError(e, "Job {JobId} could not be run; it stays pending until the next start", jobId); }
            }
        });
        try { await Task.WhenAll(workers); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
