namespace RJH.DeviceWorkflows.Engine;

/// <summary>Settings of the section "Engine".</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Lets an admin move the clock forward through the API. Test/demo setting, never the default.</summary>
    public bool ControllableClock { get; set; }

    /// <summary>
    /// With <see cref="ControllableClock"/>: the moment the clock shows when the host starts (then it runs on), so
    /// a test or demo does not depend on the day it runs. Unset: the clock starts at the real time.
    /// </summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>How often the host looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where "today" and "this week" of the inbox's due filters begin and end (IANA id).</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>Attempts of a command that lost an optimistic-concurrency race before it gives up with 409.</summary>
    public int ConcurrencyRetries { get; set; } = 5;

    /// <summary>
    /// Largest size of one instance's variables (UTF-8 JSON, all scopes together). Variables are read and served with
    /// every instance, so one oversized value slows every list; a command that would pass this stores nothing.
    /// </summary>
    public int MaxVariableBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long the newest published version of a process is remembered between starts. A publish on this host is seen
    /// at once, one on another host within this time; zero reads it for every start.
    /// </summary>
    public TimeSpan PublishedVersionCacheTime { get; set; } = TimeSpan.FromSeconds(2);
}
