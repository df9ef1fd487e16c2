using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;

namespace RJH.DeviceWorkflows.Activities.Notify;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers templates, composer, recipients and the <see cref="IMailSender"/> chosen by <c>Mail:Mode</c>,
    /// with <see cref="MailOptions"/> bound from the host's configuration section <c>Mail</c>.
    /// Recipients given as employee ids need an <c>IRegisterDirectory</c> from elsewhere. Notify.Email queues into the
    /// mail outbox on the host's database; the host that runs jobs sends it (AddMailOutboxJob).
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder) && !string.IsNullOrWhiteSpace(o.From), "Mail:Folder and Mail:From must be set.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailTemplates>();
        services.TryAddSingleton<MailComposer>();
        services.TryAddTransient<MailRecipients>();
        services.TryAddTransient<NotificationHours>();
        services.TryAddSingleton<SentMailLedger>();
        services.AddMailOutbox();
        services.TryAddSingleton<FileMailSender>();
        services.TryAddSingleton<SmtpMailSender>();
        services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode switch
        {
            MailMode.Smtp => sp.GetRequiredService<SmtpMailSender>(),
            _ => sp.GetRequiredService<FileMailSender>(),
        });
        return services;
    }
}
