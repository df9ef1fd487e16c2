namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>Settings of section <c>Mail:Outbox</c>: how the mail job sends queued mail.</summary>
public sealed class MailOutboxOptions
{
    /// <summary>How often the mail job looks for due mail. Mail that may go now waits at most this long.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan[] DefaultRetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    /// <summary>
    /// Waits after the 1st, 2nd… failed attempt; after the last one the mail is Failed and waits for an admin.
    /// Unset: 1, 5 and 30 minutes. (Null by default because the configuration binder appends to an array it finds.)
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Length: > 0 } delays ? delays : DefaultRetryDelays;

    /// <summary>How long one host's mail job holds a mail it took; a host that dies meanwhile leaves it to another after this.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Mails taken per poll.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts in all: the first and one per retry delay.</summary>
    public int MaxAttempts => Delays.Count + 1;
}
