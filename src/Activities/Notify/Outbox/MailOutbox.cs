using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>An outbox mail as the admin sees it: who and what by id and template, never an address or the text.</summary>
public sealed record OutboxMailView(Guid Id, string MessageId, Guid InstanceId, string? BusinessKey, string ElementId, string Template,
    string Recipient, OutboxMailStatus Status, DateTimeOffset CreatedAt, DateTimeOffset SendAt, DateTimeOffset NextAttemptAt,
    int Attempts, string? LastError, DateTimeOffset? SentAt);

/// <summary>Queues mail (inside the engine command) and lets an admin see and retry what failed.</summary>
public interface IMailOutbox
{
    /// <summary>Queues the message to go at <paramref name="sendAt"/>; a message id already queued is left as it is.</summary>
    Task QueueAsync(ActivityContext step, string template, MailRecipient to, MimeMessage message, DateTimeOffset sendAt, CancellationToken ct);

    Task<IReadOnlyList<OutboxMailView>> ListAsync(OutboxMailStatus? status, int limit, CancellationToken ct);

    /// <summary>How many mails have the status, counted in the database (from the (Status, NextAttemptAt) index), however many.</summary>
    Task<int> CountAsync(OutboxMailStatus status, CancellationToken ct);

    /// <summary>Puts a failed mail back to be sent now, with its attempts counted from zero; null when there is no such mail.</summary>
    /// <exception cref="InvalidOperationException">The mail is not Failed.</exception>
    Task<OutboxMailView?> RetryAsync(Guid id, CancellationToken ct);
}

internal sealed class MailOutbox(MailOutboxContexts contexts, TimeProvider time) : IMailOutbox
{
    public async Task QueueAsync(ActivityContext step, string template, MailRecipient to, MimeMessage message, DateTimeOffset sendAt,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId);
        await using var db = await contexts.InCommandAsync(ct);
        if (await db.Mails.AnyAsync(m => m.MessageId == message.MessageId, ct)) return;
        var now = time.GetUtcNow();
        db.Mails.Add(new OutboxMailRecord
        {
            Id = Guid.NewGuid(), MessageId = message.MessageId, InstanceId = step.InstanceId, BusinessKey = step.BusinessKey,
            ElementId = step.ElementId, Template = template, Recipient = to.Label, Mime = MimeText(message),
            CreatedAt = now, SendAt = sendAt, NextAttemptAt = sendAt, Status = OutboxMailStatus.Pending,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<OutboxMailView>> ListAsync(OutboxMailStatus? status, int limit, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var mails = db.Mails.AsNoTracking();
        if (status is { } wanted) mails = mails.Where(m => m.Status == wanted);
        var records = await mails.OrderByDescending(m => m.NextAttemptAt).Take(limit).ToListAsync(ct);
        return [.. records.Select(View)];
    }

    public async Task<int> CountAsync(OutboxMailStatus status, CancellationToken ct)
    {
        await using var db = contexts.Create();
        return await db.Mails.CountAsync(m => m.Status == status, ct);
    }

    public async Task<OutboxMailView?> RetryAsync(Guid id, CancellationToken ct)
    {
        await using var db = contexts.Create();
        if (await db.Mails.FindAsync([id], ct) is not { } mail) return null;
        if (mail.Status != OutboxMailStatus.Failed)
            throw new InvalidOperationException($"Mail {id} is {mail.Status}; only a failed mail can be retried.");
        mail.Status = OutboxMailStatus.Pending;
        mail.Attempts = 0;
        mail.NextAttemptAt = time.GetUtcNow();
        mail.ClaimedUntil = null;
        await db.SaveChangesAsync(ct);
        return View(mail);
    }

    internal static OutboxMailView View(OutboxMailRecord m) => new(m.Id, m.MessageId, m.InstanceId, m.BusinessKey, m.ElementId, m.Template,
        m.Recipient, m.Status, m.CreatedAt, m.SendAt, m.NextAttemptAt, m.Attempts, m.LastError, m.SentAt);

    private static string MimeText(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static MimeMessage Parse(string mime)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mime));
        return MimeMessage.Load(stream);
    }
}
