namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>Settings of the section "Jobs": what runs the engine's outbox work (job activities and timers).</summary>
internal sealed class JobSettings
{
    public const string Section = "Jobs";
    public const string HangfireRunner = "Hangfire";
    public const string InProcessRunner = "InProcess";

    /// <summary>
    /// "Hangfire" (default): a Hangfire server in this host, storage following Database:Provider, dashboard at
    /// /hangfire. "InProcess": the engine's own background loop, for tests and tools that must not depend on Hangfire.
    /// </summary>
    public string Runner { get; set; } = HangfireRunner;

    /// <summary>
    /// Jobs this host runs at once: Hangfire's workers, or the in-process runner's. Jobs mostly wait on outside systems,
    /// so several per core pay off.
    /// </summary>
    public int WorkerCount { get; set; } = Environment.ProcessorCount * 5;

    /// <summary>
    /// How often Hangfire moves scheduled work (retries after back-off, timers) to its queue. Hangfire's own
    /// default of 15 s would make a 2 s back-off wait 15 s.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an idle Hangfire worker asks PostgreSQL's queue for work (the longest a job handed over to an idle host
    /// waits; a busy worker takes its next job at once). Hangfire's own default is 15 s.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most engine jobs handed to Hangfire as one Hangfire job. Jobs due now travel in batches: Hangfire's storage
    /// costs about 30 transactions per Hangfire job, whatever it runs. 1 gives one Hangfire job per engine job.
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long the first job due now waits for others to join its batch.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How many jobs of batches run at the same time in this host, all batches together: they mostly wait on outside
    /// systems, but each holds a database connection while it applies its result, so the bound keeps a burst of
    /// batches from draining the connection pool.
    /// </summary>
    public int BatchParallelism { get; set; } = 16;

    public bool UsesHangfire => string.Equals(Runner, HangfireRunner, StringComparison.OrdinalIgnoreCase);

    public static JobSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<JobSettings>() ?? new JobSettings();
        if (!settings.UsesHangfire && !string.Equals(settings.Runner, InProcessRunner, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Jobs:Runner is '{settings.Runner}'; use '{HangfireRunner}' (the default) or '{InProcessRunner}'.");
        if (settings.WorkerCount < 1)
            throw new InvalidOperationException($"Jobs:WorkerCount is {settings.WorkerCount}; give at least 1.");
        if (settings.BatchSize < 1)
            throw new InvalidOperationException($"Jobs:BatchSize is {settings.BatchSize}; give at least 1.");
        if (settings.BatchParallelism < 1)
            throw new InvalidOperationException($"Jobs:BatchParallelism is {settings.BatchParallelism}; give at least 1.");
        if (settings.BatchWindow < TimeSpan.Zero || settings.BatchWindow > TimeSpan.FromSeconds(5))
            throw new InvalidOperationException($"Jobs:BatchWindow is {settings.BatchWindow}; give 00:00:00 to 00:00:05, e.g. 00:00:00.010.");
        if (settings.SchedulePollingInterval <= TimeSpan.Zero)
            throw new InvalidOperationException("Jobs:SchedulePollingInterval must be positive, e.g. 00:00:01.");
        if (settings.QueuePollInterval < TimeSpan.FromMilliseconds(100) || settings.QueuePollInterval > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"Jobs:QueuePollInterval is {settings.QueuePollInterval}; give 00:00:00.100 to 00:01:00, e.g. 00:00:01.");
        return settings;
    }
}
