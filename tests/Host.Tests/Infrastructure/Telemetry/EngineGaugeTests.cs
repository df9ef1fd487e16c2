using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Telemetry;

/// <summary>Issue 13, operations: gauges of instances by status, open incidents and due timers, read as an exporter would.</summary>
public sealed class EngineGaugeTests
{
    private static readonly string Waiting = Processes.Process("gauge-wait", """
        <bpmn:startEvent id="Start_1" />
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="End_1" />
        """ + Processes.Chain("Start_1", "Wait", "End_1"));

    // Reading a property of a missing variable fails the step: an incident.
    private static readonly string Failing = Processes.Process("gauge-fail", $"""
        <bpmn:startEvent id="Start_1" />
        {Processes.Service("Broken", "SetVariables", ("value", "vars.missing.deep"))}
        <bpmn:endEvent id="End_1" />
        """ + Processes.Chain("Start_1", "Broken", "End_1"));

    [Fact]
    public async Task Instances_by_status_open_incidents_and_due_timers_are_gauges_of_cached_counts()
    {
        // The poller would fire the due timers; here it waits an hour so they stay due.
        await using var factory = HostFactory.With(null, "Development",
            ("Telemetry:SnapshotInterval", "00:00:00.200"), ("Engine:TimerPollInterval", "01:00:00"));
        await factory.DeployAsync(Waiting);
        await factory.DeployAsync(Failing);
        using var erik = await factory.ClientFor("erik.anstalld");
        await erik.StartInstanceAsync("gauge-wait");
        await erik.StartInstanceAsync("gauge-wait");
        await erik.StartInstanceAsync("gauge-fail");
        ((ControllableTimeProvider)factory.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(2));

        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var seen = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name is "rjh.engine.instances" or "rjh.engine.incidents.open" or "rjh.engine.timers.due")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key).Select(t => $"|{t.Value}"));
            lock (seen) seen[key] = value;
        });
        listener.Start();

        string Expected() => "rjh.engine.instances|gauge-wait|Running=2, rjh.engine.incidents.open|gauge-fail=1, rjh.engine.timers.due=2";
        string Actual()
        {
            lock (seen)
                return string.Join(", ", new[] { "rjh.engine.instances|gauge-wait|Running", "rjh.engine.incidents.open|gauge-fail", "rjh.engine.timers.due" }
                    .Select(k => $"{k}={(seen.TryGetValue(k, out var v) ? v : (int?)null)}"));
        }
        var watch = Stopwatch.StartNew();
        while (Actual() != Expected() && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            // The first read only starts a count in the background: the gauges answer from the cache.
            listener.RecordObservableInstruments();
            await Task.Delay(100);
        }
        Assert.Equal(Expected(), Actual());
    }
}
