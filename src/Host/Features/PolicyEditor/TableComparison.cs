using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

public enum RowChange { Same, Added, Removed, Changed }

/// <summary>A row of a comparison: the row as it is in the newer version (or, removed, in the older) and what changed.</summary>
internal sealed record ComparedRow(TableRow Row, RowChange Change, IReadOnlyList<string> ChangedCells);

/// <summary>Two versions of a table compared row by row, rows matched by name: the newer's order, removed rows where they stood.</summary>
internal static class TableComparison
{
    public static IReadOnlyList<ComparedRow> Compare(DecisionTable older, DecisionTable newer)
    {
        var before = older.Rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var after = newer.Rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<ComparedRow>();
        foreach (var row in newer.Rows)
        {
            if (!before.TryGetValue(row.Name, out var old))
            {
                result.Add(new(row, RowChange.Added, []));
                continue;
            }
            var changed = ChangedCells(old, row);
            result.Add(new(row, changed.Count == 0 ? RowChange.Same : RowChange.Changed, changed));
        }
        for (var i = 0; i < older.Rows.Count; i++)
        {
            if (after.Contains(older.Rows[i].Name)) continue;
            result.Insert(Math.Min(i, result.Count), new(older.Rows[i], RowChange.Removed, []));
        }
        return result;
    }

    private static List<string> ChangedCells(TableRow old, TableRow row)
    {
        var changed = new List<string>();
        foreach (var input in old.Cells.Keys.Union(row.Cells.Keys))
            if (old.Cells.GetValueOrDefault(input) != row.Cells.GetValueOrDefault(input)) changed.Add(input);
        if (old.Enabled != row.Enabled) changed.Add("enabled");
        if (old.Condition != row.Condition) changed.Add("condition");
        if (old.Outcome != row.Outcome) changed.Add("outcome");
        foreach (var output in old.Outputs.Keys.Union(row.Outputs.Keys))
            if (old.Outputs.GetValueOrDefault(output) != row.Outputs.GetValueOrDefault(output)) changed.Add("outputs." + output);
        if (old.Reason.Sv != row.Reason.Sv || old.Reason.En != row.Reason.En) changed.Add("reason");
        // The same row moved up or down is a change of order, which the grid shows by position.
        return changed;
    }
}
