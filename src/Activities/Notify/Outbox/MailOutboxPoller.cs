using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>
/// The mail job: polls the outbox by the engine's clock (which may be the controllable one) and sends what is due.
/// The outbox is in the database, so the first poll after a start sends everything that fell due while the host was down.
/// </summary>
internal sealed class MailOutboxPoller(MailOutboxSender sender, TimeProvider time, IOptions<MailOptions> options,
    ILogger<MailOutboxPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // A failed poll (the database is busy or down) must not stop mail for good; the next one tries again.
                logger.LogError(e, "Mail outbox poll failed");
            }
            try { await Task.Delay(options.Value.Outbox.PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
