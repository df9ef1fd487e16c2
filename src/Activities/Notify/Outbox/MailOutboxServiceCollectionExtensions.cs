using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

public static class MailOutboxServiceCollectionExtensions
{
    /// <summary>The outbox Notify.Email queues into (part of AddMail). Its table is on the host's database.</summary>
    internal static IServiceCollection AddMailOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<MailOutboxContexts>();
        services.TryAddSingleton<IMailOutbox, MailOutbox>();
        services.TryAddSingleton<MailOutboxSender>();
        return services;
    }

    /// <summary>
    /// The mail job that sends due mail (settings <c>Mail:Outbox</c>). A host that runs jobs adds it, after migrating
    /// the outbox (<see cref="MigrateMailOutboxAsync"/>); a host without it queues mail that another host sends.
    /// </summary>
    public static IServiceCollection AddMailOutboxJob(this IServiceCollection services) =>
        services.AddHostedService<MailOutboxPoller>();

    /// <summary>Brings the outbox table to the current schema.</summary>
    public static async Task MigrateMailOutboxAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = services.GetRequiredService<MailOutboxContexts>().Create();
        await DatabaseProvider.MigrateAsync(db, ct);
    }
}
