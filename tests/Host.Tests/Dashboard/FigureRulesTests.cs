using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Ui.Diagram;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>The rules behind the figures, stated as the page states them.</summary>
public sealed class FigureRulesTests
{
    [Fact]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones_and_the_90th_percentile_is_a_value_by_nearest_rank()
    {
        Assert.Equal(3, Percentiles.Median([5, 1, 3]));
        Assert.Equal(2.5, Percentiles.Median([4, 1, 3, 2]));
        Assert.Equal(9, Percentiles.P90(Enumerable.Range(1, 10).Select(i => (double)i)));
        Assert.Equal(10, Percentiles.P90(Enumerable.Range(1, 11).Select(i => (double)i)));
        Assert.Null(Percentiles.Median([]));
        Assert.Null(Percentiles.P90([]));
    }

    [Fact]
    public void A_step_counts_each_pass_from_entering_to_leaving_and_a_step_still_waiting_does_not_count()
    {
        var start = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        var id = 0L;
        JournalEntryView Entry(string kind, string element, double hours) => new(++id, start.AddHours(hours), kind, element, null, null);
        var journal = new ProcessJournal("Beställning", BpmnElementNames.Read(null),
        [
            Entry("ElementEntered", "approve", 0), Entry("ElementLeft", "approve", 4),
            Entry("ElementEntered", "deliver", 4), Entry("ElementLeft", "deliver", 52),
            Entry("ElementEntered", "approve", 52), Entry("ElementLeft", "approve", 54),
            Entry("ElementEntered", "confirm", 54),
        ]);

        var rows = StepTimes.Measure([journal]);

        Assert.Equal(["deliver", "approve"], rows.Select(r => r.ElementId));
        var approve = rows[1];
        Assert.Equal((2, 3.0, 4.0, 6.0), (approve.Count, approve.MedianHours, approve.P90Hours, approve.TotalHours));
    }
}
