namespace RJH.DeviceWorkflows.Engine.Runtime.Jobs;

/// <summary>Retries of job activities (section "Engine:Jobs"), with per-activity-type overrides.</summary>
public sealed class JobOptions
{
    public const string Section = "Engine:Jobs";

    /// <summary>Attempts in all, the first included, before the instance gets an incident.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Delay before the first retry; each later retry waits twice as long.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long one call of a job activity may take; one that has not answered by then counts as a failed attempt
    /// (a hanging outside system must not hold the job, and with it the instance, forever).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// How many jobs the engine's in-process runner runs at once (a Host with Hangfire uses Hangfire's workers instead).
    /// Job activities mostly wait on outside systems, so several per core pay off: with one per core, an MDM that
    /// answers in a second would let a two-core host enrol two phones a second.
    /// </summary>
    public int Workers { get; set; } = Environment.ProcessorCount * 5;
    /// <summary>A pending job whose turn is older than this is handed to the job runner again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How often the host looks for such jobs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Overrides by activity type, e.g. Engine:Jobs:Activities:Mdm.Wipe:MaxAttempts = 10 or …:Timeout = 00:05:00.</summary>
    public Dictionary<string, ActivityRetry> Activities { get; set; } = [];

    public int MaxAttemptsFor(string activityType) =>
        Activities.TryGetValue(activityType, out var o) && o.MaxAttempts is { } n ? n : MaxAttempts;

    public TimeSpan TimeoutFor(string activityType) =>
        Activities.TryGetValue(activityType, out var o) && o.Timeout is { } t ? t : Timeout;

    /// <summary>Exponential back-off: base, 2×base, 4×base, ... capped at MaxDelay.</summary>
    public TimeSpan DelayAfter(string activityType, int failedAttempts)
    {
        var baseDelay = Activities.TryGetValue(activityType, out var o) && o.BaseDelay is { } d ? d : BaseDelay;
        var factor = Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}

public sealed class ActivityRetry
{
    public int? MaxAttempts { get; set; }
    public TimeSpan? BaseDelay { get; set; }
    public TimeSpan? Timeout { get; set; }
}
