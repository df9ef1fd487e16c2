using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// Fires due timers. Timers live in the database, so the first poll after a start also fires
/// every timer that fell due while the host was down — once, because firing deletes the row
/// in the same transaction that advances the instance.
/// </summary>
internal sealed class TimerPoller(IWorkflowEngine engine, TimeProvider time, IOptions<EngineOptions> options,
    ILogger<TimerPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var fired = await engine.FireDueTimersAsync(stoppingToken);
                if (fired > 0) logger.LogInformation("Fired {Count} due timer(s)", fired);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // A failed poll must not stop timers for good; the next poll tries again.
                logger.LogError(e, "Timer poll failed");
            }
            try { await Task.Delay(options.Value.TimerPollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
