using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Ui.Diagram;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>One instance's journal, with its process's name and the names of the model's elements.</summary>
public sealed record ProcessJournal(string Process, BpmnElementNames Names, IReadOnlyList<JournalEntryView> Journal);

/// <summary>
/// Where the time goes: from each instance's journal, the time from a token entering a step to leaving it
/// (the n-th entry paired with the n-th exit of the same step, so loops count each pass). A step still waiting
/// has no exit yet and is not counted.
/// </summary>
public static class StepTimes
{
    public const int MaxRows = 15;

    public static IReadOnlyList<StepRow> Measure(IEnumerable<ProcessJournal> journals)
    {
        var samples = journals.SelectMany(j => Passes(j.Journal).Select(p => (j.Process, j.Names, p.ElementId, p.Hours)));
        return samples
            .GroupBy(s => (s.Process, s.ElementId))
            .Select(g =>
            {
                var hours = g.Select(s => s.Hours).ToList();
                return new StepRow(g.Key.Process, g.Key.ElementId, g.First().Names.NameOf(g.Key.ElementId), hours.Count,
                    Percentiles.Median(hours)!.Value, Percentiles.P90(hours)!.Value, hours.Sum());
            })
            .Where(r => r.TotalHours > 0)
            .OrderByDescending(r => r.TotalHours).ThenBy(r => r.Process, StringComparer.Ordinal).ThenBy(r => r.ElementId, StringComparer.Ordinal)
            .Take(MaxRows)
            .ToList();
    }

    private static IEnumerable<(string ElementId, double Hours)> Passes(IReadOnlyList<JournalEntryView> journal)
    {
        var entered = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var entry in journal.OrderBy(e => e.Id))
        {
            if (entry.ElementId is not { } id) continue;
            if (entry.Kind == "ElementEntered")
            {
                if (!entered.TryGetValue(id, out var queue)) entered[id] = queue = new Queue<DateTimeOffset>();
                queue.Enqueue(entry.At);
            }
            else if (entry.Kind is "ElementLeft" or "ElementCancelled" && entered.TryGetValue(id, out var waiting) && waiting.Count > 0)
            {
                var since = waiting.Dequeue();
                if (entry.Kind == "ElementLeft") yield return (id, (entry.At - since).TotalHours);
            }
        }
    }
}
