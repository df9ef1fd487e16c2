using MimeKit;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Delivers a composed message. Idempotent on <see cref="MimeMessage.MessageId"/>: a message id already
/// delivered is not delivered again (a job retried after a successful send), and the first delivery's
/// receipt is returned.
/// </summary>
public interface IMailSender
{
    Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <param name="AlreadySent">True when this message id had been delivered before and nothing was sent now.</param>
public sealed record MailReceipt(string MessageId, DateTimeOffset SentAt, bool AlreadySent);
