using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>
/// The mail job's work: sends every queued mail whose time has come. A mail is first claimed (a conditional
/// update only one host wins), then sent through <see cref="IMailSender"/>, which does not send a message id twice,
/// then marked. A failed attempt waits for the next retry delay; after the last one the mail is Failed for an admin.
/// A host that dies between claim and mark leaves the claim to run out, and the mail goes (once) from another poll.
/// </summary>
internal sealed class MailOutboxSender(MailOutboxContexts contexts, IMailSender sender, TimeProvider time, IOptions<MailOptions> mailOptions,
    ILogger<MailOutboxSender> logger)
{
    private readonly MailOutboxOptions options = mailOptions.Value.Outbox;

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var db = contexts.Create())
        {
            due = await db.Mails.Where(m => m.Status == OutboxMailStatus.Pending && m.NextAttemptAt <= now
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, ct)) sent++;
        return sent;
    }

    private async Task<bool> SendOneAsync(Guid id, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var until = now + options.ClaimFor;
        var claimed = await db.Mails
            .Where(m => m.Id == id && m.Status == OutboxMailStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
        if (claimed == 0) return false; // another host's job took it
        var mail = await db.Mails.SingleAsync(m => m.Id == id, ct);
        try
        {
            var receipt = await sender.SendAsync(MailOutbox.Parse(mail.Mime), ct);
            mail.Status = OutboxMailStatus.Sent;
            mail.SentAt = receipt.SentAt;
            mail.Attempts++;
            mail.Mime = "";
            mail.LastError = null;
            logger.LogInformation("Outbox mail {MessageId} (template {Template}) sent", mail.MessageId, mail.Template);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(mail, e);
        }
        mail.ClaimedUntil = null;
        // The send has happened: its record is written even when the host is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        return mail.Status == OutboxMailStatus.Sent;
    }

    private void Failed(OutboxMailRecord mail, Exception e)
    {
        mail.Attempts++;
        mail.LastError = SafeError(e);
        if (mail.Attempts >= options.MaxAttempts)
        {
            mail.Status = OutboxMailStatus.Failed;
            logger.LogError(e, "Outbox mail {MessageId} (template {Template}) failed after {Attempts} attempts; it waits for an admin",
                mail.MessageId, mail.Template, mail.Attempts);
            return;
        }
        mail.NextAttemptAt = time.GetUtcNow() + options.Delays[mail.Attempts - 1];
        logger.LogWarning(e, "Outbox mail {MessageId} (template {Template}): attempt {Attempts} failed; next at {Next}",
            mail.MessageId, mail.Template, mail.Attempts, mail.NextAttemptAt);
    }

    /// <summary>A server's reply may quote an address; only the kind of failure and its SMTP status are kept.</summary>
    internal static string SafeError(Exception e) => e switch
    {
        SmtpCommandException smtp => $"The mail server refused the message (SMTP {(int)smtp.StatusCode}, {smtp.ErrorCode}).",
        SmtpProtocolException => "The mail server broke the SMTP protocol.",
        ServiceNotConnectedException or System.Net.Sockets.SocketException or IOException => "The mail server could not be reached.",
        OperationCanceledException or TimeoutException => "The mail server did not answer in time.",
        _ => $"Sending failed ({e.GetType().Name}).",
    };
}
