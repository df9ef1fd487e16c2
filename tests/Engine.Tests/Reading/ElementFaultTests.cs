using RJH.DeviceWorkflows.Engine.Model.Reading;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>Supported elements with missing or wrong attributes.</summary>
public class ElementFaultTests
{
    private const string Roots = """
        <bpmn:message id="Msg" name="m" />
        <bpmn:error id="Err" errorCode="E1" />
        """;

    [Theory]
    [InlineData("""<bpmn:serviceTask id="x" />""", "bpmn:serviceTask needs rjh:activity")]
    [InlineData("""<bpmn:sendTask id="x" messageRef="Msg" />""", "bpmn:sendTask needs rjh:activity")]
    [InlineData("""<bpmn:businessRuleTask id="x" rjh:activity="  " />""", "bpmn:businessRuleTask needs rjh:activity")]
    [InlineData("""<bpmn:userTask id="x" rjh:dueIn="3 days" />""", "rjh:dueIn '3 days' is not an ISO-8601 duration")]
    [InlineData("""<bpmn:scriptTask id="x" scriptFormat="python"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>""", "Script format 'python'")]
    [InlineData("""<bpmn:scriptTask id="x" scriptFormat="javascript"><bpmn:script>  </bpmn:script></bpmn:scriptTask>""", "has no script")]
    [InlineData("""<bpmn:scriptTask id="x" />""", "has no script")]
    [InlineData("""<bpmn:callActivity id="x" />""", "needs calledElement")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "needs rjh:collection")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="devices" /></bpmn:userTask>""", "needs rjh:elementVariable")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="d" rjh:elementVariable="a b" /></bpmn:userTask>""", "'a b' is not a valid variable name")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="d" rjh:elementVariable="e" rjh:outputCollection="1x" /></bpmn:userTask>""", "'1x' is not a valid variable name")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics isSequential="maybe" rjh:collection="d" rjh:elementVariable="e" /></bpmn:userTask>""", "'isSequential' must be true or false")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:extensionElements><rjh:input expression="1" /></bpmn:extensionElements></bpmn:userTask>""", "rjh:input needs a name")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:extensionElements><rjh:output name="a" expression="1" /><rjh:output name="a" expression="2" /></bpmn:extensionElements></bpmn:userTask>""", "rjh:output 'a' is given twice")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition id="d" /></bpmn:intermediateCatchEvent>""", "needs a messageRef")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition id="d" messageRef="Nope" /></bpmn:intermediateCatchEvent>""", "messageRef 'Nope' names no bpmn:message")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition id="d" /></bpmn:intermediateCatchEvent>""", "exactly one of timeDate, timeDuration or timeCycle")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition id="d"><bpmn:timeDate /></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "timeDate is empty")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x" cancelActivity="false"><bpmn:errorEventDefinition id="d" /></bpmn:boundaryEvent>""", "error boundary event must be interrupting", "b")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:errorEventDefinition id="d" errorRef="Nope" /></bpmn:boundaryEvent>""", "errorRef 'Nope' names no bpmn:error", "b", "errorRef=\"Nope\"")]
    public void Refuses_the_element_by_id_and_line(string middle, string message, string id = "x", string? marker = null)
    {
        var xml = Around(middle, Roots);

        AssertReported(xml, Refuse(xml), id, message, marker);
    }

    [Fact]
    public void An_activity_type_unknown_to_the_catalogue_is_refused_by_name()
    {
        var xml = Around("""<bpmn:serviceTask id="x" rjh:activity="Mdm.Wipe" />""");
        var options = new BpmnReaderOptions { IsKnownActivity = type => type == "Mdm.Enroll" };

        AssertReported(xml, Refuse(xml, options), "x", "Activity type 'Mdm.Wipe' (rjh:activity) is not known");
    }

    [Fact]
    public void A_known_activity_type_is_accepted()
    {
        var options = new BpmnReaderOptions { IsKnownActivity = type => type == "Mdm.Enroll" };

        Accept(Around("""<bpmn:serviceTask id="x" rjh:activity="Mdm.Enroll" />"""), options);
    }
}
