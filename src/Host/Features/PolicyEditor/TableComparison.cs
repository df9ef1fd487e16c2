using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

public enum RowChange { Same, Added, Removed, Changed }

/// <summary>
/// A row of a comparison: the row as it is in the newer version (or, removed, in the older), what changed, and the
/// older version's row (<see cref="Old"/>, none for an added row) so the grid can show what a changed cell was.
/// <see cref="MovedFrom"/> is the row's 1-based place in the older version when it moved against the other rows.
/// </summary>
internal sealed record ComparedRow(TableRow Row, RowChange Change, IReadOnlyList<string> ChangedCells, TableRow? Old, int? MovedFrom = null);

/// <summary>
/// Two versions of a table compared row by row, rows matched by name: the newer's order, removed rows where they stood.
/// Cells are named as the grid and the validator name them: the input's name, "enabled", "condition", "outcome",
/// "outputs.{name}", "reason" (Swedish) and "reason.en".
/// </summary>
internal static class TableComparison
{
    public const string Enabled = "enabled";

    public static IReadOnlyList<ComparedRow> Compare(DecisionTable older, DecisionTable newer)
    {
        var before = older.Rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var after = newer.Rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var inOrder = InOrder(older.Rows.Select(r => r.Name).Where(after.Contains).ToList(),
            newer.Rows.Select(r => r.Name).Where(before.ContainsKey).ToList());
        var result = new List<ComparedRow>();
        foreach (var row in newer.Rows)
        {
            if (!before.TryGetValue(row.Name, out var old))
            {
                result.Add(new(row, RowChange.Added, [], null));
                continue;
            }
            var changed = ChangedCells(old, row);
            var movedFrom = inOrder.Contains(row.Name) ? (int?)null : IndexOf(older, row.Name) + 1;
            result.Add(new(row, changed.Count == 0 ? RowChange.Same : RowChange.Changed, changed, old, movedFrom));
        }
        for (var i = 0; i < older.Rows.Count; i++)
        {
            if (after.Contains(older.Rows[i].Name)) continue;
            // Right after the row that stood above it in the older version (kept, or removed and placed already).
            var at = i == 0 ? 0 : result.FindIndex(r => r.Row.Name == older.Rows[i - 1].Name) + 1;
            result.Insert(at, new(older.Rows[i], RowChange.Removed, [], older.Rows[i]));
        }
        return result;
    }

    /// <summary>What a row holds in a cell, as the grid shows it; null when the row leaves it empty.</summary>
    public static string? ValueOf(TableRow row, string cell) => cell switch
    {
        Enabled => row.Enabled ? "true" : "false",
        "condition" => row.Condition,
        "outcome" => row.Outcome,
        "reason" => row.Reason.Sv,
        "reason.en" => row.Reason.En,
        _ when cell.StartsWith("outputs.", StringComparison.Ordinal) => row.Outputs.GetValueOrDefault(cell["outputs.".Length..]),
        _ => row.Cells.GetValueOrDefault(cell),
    };

    private static int IndexOf(DecisionTable table, string name)
    {
        for (var i = 0; i < table.Rows.Count; i++)
            if (table.Rows[i].Name == name) return i;
        return -1;
    }

    /// <summary>
    /// The rows both versions hold that keep their order (a longest common subsequence): under a First hit policy the
    /// order decides, so a row outside it is marked as moved. Rows shifted only because others came or went are not.
    /// </summary>
    private static HashSet<string> InOrder(IReadOnlyList<string> older, IReadOnlyList<string> newer)
    {
        var lengths = new int[older.Count + 1, newer.Count + 1];
        for (var i = older.Count - 1; i >= 0; i--)
            for (var j = newer.Count - 1; j >= 0; j--)
                lengths[i, j] = older[i] == newer[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < older.Count && j < newer.Count;)
        {
            if (older[i] == newer[j])
            {
                kept.Add(newer[j]);
                i++;
                j++;
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1]) i++;
            else j++;
        }
        return kept;
    }

    private static List<string> ChangedCells(TableRow old, TableRow row)
    {
        var cells = old.Cells.Keys.Union(row.Cells.Keys)
            .Concat([Enabled, "condition", "outcome"])
            .Concat(old.Outputs.Keys.Union(row.Outputs.Keys).Select(o => "outputs." + o))
            .Concat(["reason", "reason.en"]);
        return cells.Where(cell => ValueOf(old, cell) != ValueOf(row, cell)).ToList();
    }
}
