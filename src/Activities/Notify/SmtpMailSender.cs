using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message (mail is rare; nothing to keep open), STARTTLS
/// as configured, credentials when a user name is set. A message id in the <see cref="SentMailLedger"/> is
/// not sent again. Within one host the check, the send and the record run one at a time, so two runs of
/// the same job cannot both send; a crash between the server's acceptance and the record sends once more
/// on retry (at least once, with the same Message-Id).
/// </summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, SentMailLedger ledger, TimeProvider time,
    ILogger<SmtpMailSender> logger) : IMailSender, IDisposable
{
    private readonly SmtpOptions smtp = options.Value.Smtp;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId);
        await oneAtATime.WaitAsync(ct);
        try
        {
            if (await ledger.SentAtAsync(message.MessageId, ct) is { } earlier)
            {
                logger.LogInformation("Mail {MessageId} was already sent; not sent again", message.MessageId);
                return new MailReceipt(message.MessageId, earlier, AlreadySent: true);
            }
            message.Date = time.GetUtcNow();
            await DeliverAsync(message, ct);
            await ledger.RecordAsync(message.MessageId, message.Date, CancellationToken.None);
            logger.LogInformation("Mail {MessageId} sent over SMTP", message.MessageId);
            return new MailReceipt(message.MessageId, message.Date, AlreadySent: false);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public void Dispose() => oneAtATime.Dispose();
}
