namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>Pending: waits for its time (or its next attempt). Sent: handed to the mail server. Failed: out of attempts, waits for an admin.</summary>
public enum OutboxMailStatus { Pending, Sent, Failed }

/// <summary>
/// One mail in the outbox: the composed message and when it may go. Written in the engine command that ran
/// Notify.Email, so the mail exists exactly when the step that asked for it does.
/// </summary>
internal sealed class OutboxMailRecord
{
    public Guid Id { get; set; }

    /// <summary>Derived from the activity's idempotency key: the same step always queues the same message.</summary>
    public required string MessageId { get; set; }

    public Guid InstanceId { get; set; }
    public string? BusinessKey { get; set; }
    public required string ElementId { get; set; }
    public required string Template { get; set; }

    /// <summary>The recipient's employee id (never the address), for the admin's list.</summary>
    public required string Recipient { get; set; }

    /// <summary>The MIME text. Emptied once sent: the outbox keeps no addresses or contents longer than it needs them.</summary>
    public required string Mime { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the notification-hours policy lets it go (the creation time for mail that may go now).</summary>
    public DateTimeOffset SendAt { get; set; }

    /// <summary>When the mail job next tries it: <see cref="SendAt"/>, later after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public OutboxMailStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>A mail job has taken it until then; another host's job leaves it alone meanwhile.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The last failure in safe words (error type and SMTP status), never the server's text.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
