using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Ui.Diagram;

/// <summary>What the journal says about an instance's way through its diagram, for <see cref="ProcessDiagram"/>.</summary>
public static class DiagramProgress
{
    /// <summary>
    /// Elements already passed: every element a token entered (an end event reached counts too), except where a
    /// token waits now.
    /// </summary>
    public static IReadOnlyCollection<string> CompletedElements(IEnumerable<JournalEntryView> journal, IEnumerable<string> activeElements)
    {
        var active = activeElements.ToHashSet(StringComparer.Ordinal);
        return journal.Where(e => e.Kind == "ElementEntered" && e.ElementId is not null && !active.Contains(e.ElementId))
            .Select(e => e.ElementId!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>When a token last arrived at <paramref name="elementId"/>; null when the journal does not say.</summary>
    public static DateTimeOffset? Since(IEnumerable<JournalEntryView> journal, string elementId) =>
        journal.Where(e => e.Kind == "ElementEntered" && e.ElementId == elementId).Select(e => (DateTimeOffset?)e.At).Max();
}
