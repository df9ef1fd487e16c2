using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>
/// The engine's own instruments (meter and activity source "RJH.DeviceWorkflows.Engine"): commands by name and
/// outcome with their duration, outbox work (jobs and timers) with its latency and failures, and gauges of instances
/// by process and status, open incidents by process and due timers (from <see cref="EngineSnapshot"/>'s cached counts).
/// </summary>
internal sealed class EngineMetrics : IDisposable
{
    public const string Name = "RJH.DeviceWorkflows.Engine";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> commands;
    private readonly Histogram<double> commandDuration;
    private readonly Counter<long> jobs;
    private readonly Histogram<double> jobDuration;
    public EngineMetrics(IMeterFactory meters, EngineSnapshot snapshot)
    {
        meter = meters.Create(Name);
        commands = meter.CreateCounter<long>("rjh.engine.commands", "{command}", "Engine commands (start, complete, correlate…) by outcome.");
        commandDuration = meter.CreateHistogram<double>("rjh.engine.command.duration", "s", "Time an engine command took.");
        jobs = meter.CreateCounter<long>("rjh.engine.jobs", "{run}", "Outbox work run (job activities and timers) by outcome; failed = threw.");
        jobDuration = meter.CreateHistogram<double>("rjh.engine.job.duration", "s", "Time one job activity or timer took to run.");
        meter.CreateObservableGauge("rjh.engine.instances", () => snapshot.Current.Instances.Select(i =>
            new Measurement<int>(i.Count, new KeyValuePair<string, object?>("rjh.process", i.Process),
                new KeyValuePair<string, object?>("rjh.status", i.Status.ToString()))),
            "{instance}", "Instances by process and status (counted at most every Telemetry:SnapshotInterval).");
        meter.CreateObservableGauge("rjh.engine.incidents.open", () => snapshot.Current.OpenIncidents.Select(p =>
            new Measurement<int>(p.Count, new KeyValuePair<string, object?>("rjh.process", p.Process))),
            "{incident}", "Open incidents by process (counted at most every Telemetry:SnapshotInterval).");
        meter.CreateObservableGauge("rjh.engine.timers.due", () => snapshot.Current.DueTimers,
            "{timer}", "Timers due but not fired yet: a backlog (counted at most every Telemetry:SnapshotInterval).");
    }

    public void Command(string name, string outcome, TimeSpan took)
    {
        var tags = new TagList { { "rjh.command", name }, { "rjh.outcome", outcome } };
        commands.Add(1, tags);
        commandDuration.Record(took.TotalSeconds, tags);
    }

    public void Job(string kind, string outcome, TimeSpan took)
    {
        var tags = new TagList { { "rjh.job.kind", kind }, { "rjh.outcome", outcome } };
        jobs.Add(1, tags);
        jobDuration.Record(took.TotalSeconds, tags);
    }

    public void Dispose() => meter.Dispose();
}
