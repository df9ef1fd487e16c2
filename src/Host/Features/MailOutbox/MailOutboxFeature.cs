using RJH.DeviceWorkflows.Activities.Notify.Outbox;

namespace RJH.DeviceWorkflows.Host.Features.MailOutbox;

internal static class MailOutboxFeature
{
    /// <summary>
    /// The mail job in this host, started after its table is migrated (hosted services start in order). It runs
    /// whatever Jobs:Runner is: due times follow the engine's clock, and one poll sends everything due, so nothing
    /// depends on a scheduled job surviving a restart.
    /// </summary>
    public static IServiceCollection AddMailOutboxFeature(this IServiceCollection services)
    {
        services.AddHostedService<MailOutboxStartup>();
        return services.AddMailOutboxJob();
    }
}

/// <summary>Brings the mail outbox's table to the current schema before the mail job and the requests need it.</summary>
internal sealed class MailOutboxStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateMailOutboxAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
