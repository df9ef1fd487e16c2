using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RJH.DeviceWorkflows.Engine.Diagnostics;

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// The measurements one instrument of the engine's meter records while this lives — from every test running at the
/// time, since the meter is the process's: assert on what a test adds, never on a total.
/// </summary>
internal sealed class EngineMeasurements<T> : IDisposable where T : struct
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(T Value, KeyValuePair<string, object?>[] Tags)> recorded = new();

    public EngineMeasurements(string instrumentName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineInstruments.MeterName && instrument.Name == instrumentName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) => recorded.Enqueue((value, tags.ToArray())));
        listener.Start();
    }

    public IReadOnlyList<T> Values => recorded.Select(m => m.Value).ToList();

    /// <summary>The values recorded with the tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ValuesTagged(string key, object value) =>
        recorded.Where(m => m.Tags.Any(t => t.Key == key && Equals(t.Value, value))).Select(m => m.Value).ToList();

    public void Dispose() => listener.Dispose();
}
