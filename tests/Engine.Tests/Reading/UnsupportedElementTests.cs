using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>Elements BPMN defines but the engine does not run: each is refused by id and line, once.</summary>
public class UnsupportedElementTests
{
    [Theory]
    [InlineData("""<bpmn:manualTask id="x" />""", "x", "'bpmn:manualTask' is not supported")]
    [InlineData("""<bpmn:receiveTask id="x" messageRef="m" />""", "x", "'bpmn:receiveTask' is not supported")]
    [InlineData("""<bpmn:task id="x" />""", "x", "'bpmn:task' is not supported")]
    [InlineData("""<bpmn:complexGateway id="x" />""", "x", "'bpmn:complexGateway' is not supported")]
    [InlineData("""<bpmn:intermediateThrowEvent id="x" />""", "x", "'bpmn:intermediateThrowEvent' is not supported")]
    [InlineData("""<bpmn:transaction id="x"><bpmn:startEvent id="t0" /></bpmn:transaction>""", "x", "'bpmn:transaction' is not supported")]
    [InlineData("""<bpmn:adHocSubProcess id="x"><bpmn:task id="t1" /></bpmn:adHocSubProcess>""", "x", "'bpmn:adHocSubProcess' is not supported")]
    [InlineData("""<bpmn:subProcess id="x" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition id="m" /></bpmn:startEvent></bpmn:subProcess>""", "x", "Event sub-processes")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""", "x", "'bpmn:standardLoopCharacteristics' is not supported")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:signalEventDefinition id="d" /></bpmn:intermediateCatchEvent>""", "x", "'bpmn:signalEventDefinition' is not supported on bpmn:intermediateCatchEvent")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition id="d" /></bpmn:intermediateCatchEvent>""", "x", "'bpmn:conditionalEventDefinition'")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition id="d" name="l" /></bpmn:intermediateCatchEvent>""", "x", "'bpmn:linkEventDefinition'")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:escalationEventDefinition id="d" /></bpmn:boundaryEvent>""", "b", "'bpmn:escalationEventDefinition' is not supported on bpmn:boundaryEvent")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:compensateEventDefinition id="d" /></bpmn:boundaryEvent>""", "b", "'bpmn:compensateEventDefinition'")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:cancelEventDefinition id="d" /></bpmn:boundaryEvent>""", "b", "'bpmn:cancelEventDefinition'")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x" />""", "b", "needs an event definition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x" />""", "x", "needs an event definition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:eventDefinitionRef>sig</bpmn:eventDefinitionRef></bpmn:intermediateCatchEvent>""", "x", "'bpmn:eventDefinitionRef'")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition id="a"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition><bpmn:messageEventDefinition id="b" messageRef="Msg" /></bpmn:intermediateCatchEvent>""", "x", "several event definitions")]
    [InlineData("""<bpmn:eventBasedGateway id="x" instantiate="true" />""", "x", "Instantiating and parallel")]
    [InlineData("""<bpmn:userTask id="x" isForCompensation="true" />""", "x", "Compensation activities")]
    [InlineData("""<bpmn:userTask id="x" default="x_end" />""", "x", "default flow on an activity")]
    [InlineData("""<bpmn:subProcess id="x"><bpmn:startEvent id="inner"><bpmn:messageEventDefinition id="d" messageRef="Msg" /></bpmn:startEvent></bpmn:subProcess>""", "inner", "must be none start events")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="a" rjh:elementVariable="b"><bpmn:completionCondition>done</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "x", "completionCondition")]
    [InlineData("""<bpmn:choreographyTask id="x" />""", "x", "'bpmn:choreographyTask' is not supported")]
    [InlineData("""<bpmn:somethingNew id="x" />""", "x", "'bpmn:somethingNew' is not supported")]
    public void Refuses_the_element_by_id_and_line(string middle, string refusedId, string message)
    {
        var xml = Around(middle, roots: """<bpmn:message id="Msg" name="m" />""");

        var diagnostic = AssertReported(xml, Refuse(xml), refusedId, message);

        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void A_message_end_event_is_refused_because_the_engine_throws_no_messages()
    {
        var xml = Around("""
            <bpmn:userTask id="x" />
            <bpmn:endEvent id="notify"><bpmn:messageEventDefinition id="d" messageRef="Msg" /></bpmn:endEvent>
            """ + Flows("x->notify"), roots: """<bpmn:message id="Msg" name="m" />""");

        AssertReported(xml, Refuse(xml), "notify", "'bpmn:messageEventDefinition' is not supported on bpmn:endEvent");
    }

    [Fact]
    public void A_refused_element_causes_no_follow_up_diagnostics_for_flows_or_boundaries_around_it()
    {
        var xml = Around("""
            <bpmn:manualTask id="x" />
            <bpmn:boundaryEvent id="b" attachedToRef="x">
              <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="late" />
            """ + Flows("b->late"));

        var diagnostic = Assert.Single(Refuse(xml));

        Assert.Equal("x", diagnostic.ElementId);
    }
}
