using RJH.DeviceWorkflows.Host.Features.PolicyEditor;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Host.Tests.Features.PolicyEditor;

/// <summary>What the editor's grid marks when it is compared with another version.</summary>
public sealed class TableComparisonTests
{
    private static TableRow Row(string name, string outcome = "Granted", string reason = "-") => new()
    {
        Name = name, Outcome = outcome, Reason = new RowReason { Sv = "Skäl", En = "Reason" },
        Cells = new Dictionary<string, string> { ["request.reason"] = reason },
    };

    private static DecisionTable Table(params TableRow[] rows) => new() { Name = "entitlement", Rows = rows };

    [Fact]
    public void Added_changed_and_removed_rows_are_told_apart_and_a_removed_row_stays_below_the_row_it_stood_under()
    {
        var older = Table(Row("First"), Row("Gone"), Row("Kept"), Row("Last", "ManagerJudgement"));
        var newer = Table(Row("First"), Row("Added"), Row("Kept", reason: "Loss"), Row("Last", "Denied") with { Enabled = false });

        var compared = TableComparison.Compare(older, newer);

        Assert.Equal(
            [("First", RowChange.Same), ("Gone", RowChange.Removed), ("Added", RowChange.Added), ("Kept", RowChange.Changed), ("Last", RowChange.Changed)],
            compared.Select(c => (c.Row.Name, c.Change)));
        var kept = compared.Single(c => c.Row.Name == "Kept");
        Assert.Equal(["request.reason"], kept.ChangedCells);
        Assert.Equal("-", TableComparison.ValueOf(kept.Old!, "request.reason"));
        var last = compared.Single(c => c.Row.Name == "Last");
        Assert.Equal([TableComparison.Enabled, "outcome"], last.ChangedCells);
        Assert.Equal("ManagerJudgement", TableComparison.ValueOf(last.Old!, "outcome"));
    }

    [Fact]
    public void A_row_moved_past_others_is_marked_with_its_old_place_and_rows_shifted_by_additions_are_not()
    {
        var older = Table(Row("A"), Row("B"), Row("C"), Row("D"));
        var newer = Table(Row("New"), Row("A"), Row("D"), Row("B"), Row("C"));

        var compared = TableComparison.Compare(older, newer);

        Assert.Equal([("New", null), ("A", null), ("D", 4), ("B", null), ("C", null)], compared.Select(c => (c.Row.Name, c.MovedFrom)));
        Assert.Equal(RowChange.Same, compared.Single(c => c.Row.Name == "D").Change);
    }

    [Fact]
    public void Outputs_and_both_reasons_are_compared_cell_by_cell()
    {
        var older = Table(Row("Only") with { Outputs = new Dictionary<string, string> { ["costCenter"] = "=unit.id" } });
        var newer = Table(Row("Only") with { Reason = new RowReason { Sv = "Skäl", En = "Why" } });

        var only = Assert.Single(TableComparison.Compare(older, newer));

        Assert.Equal(["outputs.costCenter", "reason.en"], only.ChangedCells);
        Assert.Null(TableComparison.ValueOf(only.Row, "outputs.costCenter"));
    }
}
