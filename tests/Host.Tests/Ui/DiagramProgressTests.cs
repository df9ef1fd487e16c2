using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Ui.Diagram;

namespace RJH.DeviceWorkflows.Host.Tests.Ui;

/// <summary>What the diagram marks, read from the journal and the model's names.</summary>
public sealed class DiagramProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));

    private static JournalEntryView Entry(int minute, string kind, string? element) =>
        new(minute, Start.AddMinutes(minute), kind, element, "engine", null);

    [Fact]
    public void Steps_entered_are_done_except_where_a_token_waits_now_even_after_a_loop()
    {
        JournalEntryView[] journal =
        [
            Entry(0, "InstanceStarted", "start"), Entry(0, "ElementEntered", "start"), Entry(0, "ElementLeft", "start"),
            Entry(1, "ElementEntered", "review"), Entry(2, "TaskCompleted", "review"), Entry(2, "ElementLeft", "review"),
            Entry(3, "ElementEntered", "fix"), Entry(4, "ElementLeft", "fix"),
            Entry(5, "ElementEntered", "review"),
        ];

        var completed = DiagramProgress.CompletedElements(journal, ["review"]);

        Assert.Equal(["start", "fix"], completed);
        Assert.Equal(Start.AddMinutes(5), DiagramProgress.Since(journal, "review"));
        Assert.Null(DiagramProgress.Since(journal, "never"));
    }

    [Fact]
    public void Names_are_read_as_one_phrase_and_an_unnamed_element_keeps_its_id()
    {
        var names = BpmnElementNames.Read("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <bpmn:process id="p" name="Beställning">
                <bpmn:userTask id="approve" name="Attestera&#10;beställning" />
                <bpmn:exclusiveGateway id="gw" />
              </bpmn:process>
            </bpmn:definitions>
            """);

        Assert.Equal("Attestera beställning", names.NameOf("approve"));
        Assert.Equal("gw", names.NameOf("gw"));
        Assert.Equal("x", BpmnElementNames.Read("<not xml").NameOf("x"));
    }
}
