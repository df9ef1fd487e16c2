using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Telemetry;

/// <summary>
/// Issue 13, operations: command latency and job runs with their latency, recorded as an exporter reads them — a
/// command's duration by name and outcome, a job run by kind and outcome. A job activity whose outside system is down
/// is retried by the engine inside the run, so the run itself is counted ok: only a run that throws counts as failed.
/// </summary>
public sealed class EngineLatencyMetricTests
{
    private static readonly string[] Instruments = ["rjh.engine.command.duration", "rjh.engine.jobs", "rjh.engine.job.duration"];

    [Fact]
    public async Task Command_duration_and_job_runs_with_their_latency_are_recorded()
    {
        await using var factory = new HostFactory().ConfigureTestServices(TestActivities.Add);
        await factory.DeployAsync(Processes.OneJob("metric-echo", "Test.Echo"));
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var seen = new List<(string Instrument, string Tags, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && Instruments.Contains(instrument.Name)) l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var tagged = string.Join(",", tags.ToArray().OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"));
            lock (seen) seen.Add((instrument.Name, tagged, value));
        }
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        using var erik = await factory.ClientFor("erik.anstalld");
        await erik.StartInstanceAsync("metric-echo", new { value = "hej", run = "x" });

        bool Has(string instrument, string tags) { lock (seen) return seen.Any(s => s.Instrument == instrument && s.Tags == tags && s.Value >= 0); }
        string[] expected =
        [
            "rjh.engine.command.duration|rjh.command=start,rjh.outcome=ok",
            "rjh.engine.jobs|rjh.job.kind=job,rjh.outcome=ok",
            "rjh.engine.job.duration|rjh.job.kind=job,rjh.outcome=ok",
        ];
        string[] Missing() => [.. expected.Where(e => !Has(e.Split('|')[0], e.Split('|')[1]))];
        var watch = Stopwatch.StartNew();
        while (Missing().Length > 0 && watch.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);

        string All() { lock (seen) return string.Join("; ", seen.Select(s => $"{s.Instrument}|{s.Tags}").Distinct()); }
        Assert.True(Missing().Length == 0, $"missing {string.Join(", ", Missing())}; recorded: {All()}");
    }
}
