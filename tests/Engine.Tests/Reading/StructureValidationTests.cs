using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class StructureValidationTests
{
    [Fact]
    public void A_process_without_start_event_is_reported_on_the_process()
    {
        var xml = Process("""<bpmn:userTask id="t" />""");

        AssertReported(xml, Refuse(xml), "p", "has no start event");
    }

    [Fact]
    public void More_than_one_none_start_event_is_reported()
    {
        var xml = Process("""
                <bpmn:startEvent id="s1" />
                <bpmn:startEvent id="s2" />
            """);

        AssertReported(xml, Refuse(xml), "s2", "more than one none start event");
    }

    [Theory]
    [InlineData("")]
    [InlineData("""<bpmn:startEvent id="a" /><bpmn:startEvent id="b" />""")]
    public void A_sub_process_needs_exactly_one_none_start_event(string content)
    {
        var xml = Around($"""<bpmn:subProcess id="x">{content}</bpmn:subProcess>""");

        AssertReported(xml, Refuse(xml), "x", "exactly one none start event");
    }

    [Theory]
    [InlineData("""<bpmn:sequenceFlow id="f" targetRef="end" />""", "has no sourceRef")]
    [InlineData("""<bpmn:sequenceFlow id="f" sourceRef="x" />""", "has no targetRef")]
    [InlineData("""<bpmn:sequenceFlow id="f" sourceRef="ghost" targetRef="end" />""", "sourceRef 'ghost' names no flow node")]
    [InlineData("""<bpmn:sequenceFlow id="f" sourceRef="x" targetRef="ghost" />""", "targetRef 'ghost' names no flow node")]
    public void A_flow_with_a_missing_or_unknown_end_is_reported(string flow, string message)
    {
        var xml = Around("""<bpmn:userTask id="x" />""" + flow);

        AssertReported(xml, Refuse(xml), "f", message);
    }

    [Fact]
    public void A_flow_across_a_sub_process_boundary_is_reported()
    {
        var xml = Around("""
            <bpmn:subProcess id="x">
              <bpmn:startEvent id="inner" />
              <bpmn:sequenceFlow id="f" sourceRef="inner" targetRef="end" />
            </bpmn:subProcess>
            """);

        AssertReported(xml, Refuse(xml), "f", "crosses a sub-process boundary");
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void A_gateway_with_an_unguarded_non_default_flow_is_reported(string element)
    {
        var xml = Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:{element} id="g" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
            {Flows("s->g", "g->b")}
            {Flow("g_a", "g", "a", "ok")}
            """);

        var diagnostic = AssertReported(xml, Refuse(xml), "g", "neither a condition nor the default");

        Assert.Contains("g_b", diagnostic.Message);
    }

    [Fact]
    public void A_default_flow_that_does_not_leave_the_gateway_is_reported()
    {
        var xml = Around("""<bpmn:exclusiveGateway id="x" default="start_x" />""");

        AssertReported(xml, Refuse(xml), "x", "Default flow 'start_x'");
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_parallel_gateway_is_reported()
    {
        var xml = Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:parallelGateway id="g" />
                <bpmn:endEvent id="a" />
            {Flows("s->g")}
            {Flow("g_a", "g", "a", "ok")}
            """);

        AssertReported(xml, Refuse(xml), "g_a", "cannot have a condition");
    }

    [Fact]
    public void An_event_based_gateway_leading_to_a_task_is_reported()
    {
        var xml = Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:eventBasedGateway id="g" />
                <bpmn:userTask id="t" />
            {Flows("s->g", "g->t")}
            """);

        AssertReported(xml, Refuse(xml), "g", "leads to 't'");
    }

    [Theory]
    [InlineData("", "has no attachedToRef")]
    [InlineData("""attachedToRef="ghost" """, "which is no element of this process")]
    [InlineData("""attachedToRef="gw" """, "which is not an activity")]
    [InlineData("""attachedToRef="inner_task" """, "which lies in another scope")]
    public void A_boundary_event_on_a_missing_or_wrong_element_is_reported(string attachment, string message)
    {
        var xml = Around($"""
            <bpmn:subProcess id="x">
              <bpmn:startEvent id="inner" />
              <bpmn:userTask id="inner_task" />
              <bpmn:parallelGateway id="gw" />
              {Flows("inner->inner_task", "inner_task->gw")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="b" {attachment}>
              <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            """);

        AssertReported(xml, Refuse(xml), "b", message);
    }

    [Fact]
    public void Unreachable_nodes_are_each_reported_in_the_process_and_in_sub_processes()
    {
        var xml = Around($"""
            <bpmn:subProcess id="x">
              <bpmn:startEvent id="inner" />
              <bpmn:userTask id="inner_orphan" />
            </bpmn:subProcess>
            <bpmn:userTask id="orphan1" />
            <bpmn:userTask id="orphan2" />
            {Flows("orphan1->orphan2")}
            """);

        var diagnostics = Refuse(xml);

        AssertReported(xml, diagnostics, "orphan1", "cannot be reached");
        AssertReported(xml, diagnostics, "orphan2", "cannot be reached");
        AssertReported(xml, diagnostics, "inner_orphan", "cannot be reached");
        Assert.Equal(3, diagnostics.Count);
    }

    [Fact]
    public void Nodes_after_a_boundary_event_are_reached_through_its_activity_and_open_ends_are_implicit_ends()
    {
        Accept(Around("""
            <bpmn:userTask id="x" />
            <bpmn:boundaryEvent id="b" attachedToRef="x">
              <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="escalate" />
            """ + Flows("b->escalate")));
    }

    [Theory]
    [InlineData("""<bpmn:userTask id="dup" /><bpmn:userTask id="dup" />""", "<bpmn:userTask id=\"dup\" /><bpmn:userTask")]
    [InlineData("""<bpmn:userTask id="dup" /><bpmn:sequenceFlow id="dup" sourceRef="x" targetRef="end" />""", "<bpmn:userTask id=\"dup\" /><bpmn:sequenceFlow")]
    public void Duplicate_ids_are_reported(string content, string marker)
    {
        var xml = Around("""<bpmn:userTask id="x" />""" + content);

        AssertReported(xml, Refuse(xml), "dup", "Duplicate id", marker);
    }

    [Fact]
    public void An_element_without_id_is_reported_on_its_scope()
    {
        var xml = Around("""
            <bpmn:userTask id="x" />
            <bpmn:userTask name="nameless" />
            """);

        AssertReported(xml, Refuse(xml), "p", "bpmn:userTask has no id", marker: "name=\"nameless\"");
    }

    [Fact]
    public void An_end_event_with_outgoing_flows_and_a_start_event_with_incoming_flows_are_reported()
    {
        var xml = Around("""<bpmn:userTask id="x" />""" + Flows("end->start"));

        var diagnostics = Refuse(xml);

        AssertReported(xml, diagnostics, "end", "has outgoing sequence flows");
        AssertReported(xml, diagnostics, "start", "cannot have incoming sequence flows");
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var xml = Around("""
            <bpmn:manualTask id="x" />
            <bpmn:serviceTask id="noActivity" />
            <bpmn:sequenceFlow id="f" sourceRef="x" targetRef="ghost" />
            """);

        var ids = Refuse(xml).Select(d => d.ElementId).ToHashSet();

        Assert.Superset(new HashSet<string?> { "x", "noActivity", "f" }, ids);
    }
}
