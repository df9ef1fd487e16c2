using RJH.DeviceWorkflows.Engine.Model.Reading;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class ExpressionCheckTests
{
    // A stand-in for the expression engine: anything with '@' is a syntax error.
    private static readonly BpmnReaderOptions Checking = new()
    {
        CheckExpression = e => e.Contains('@') ? "unexpected '@'" : null,
        CheckScript = s => s.Contains('@') ? "unexpected '@' in script" : null,
    };

    [Theory]
    [InlineData("""<bpmn:userTask id="x" rjh:assignee="@boss" />""", "x", "rjh:assignee")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:extensionElements><rjh:input name="a" expression="1 @ 2" /></bpmn:extensionElements></bpmn:userTask>""", "x", "rjh:input 'a'")]
    [InlineData("""<bpmn:callActivity id="x" calledElement="c"><bpmn:extensionElements><rjh:output name="a" expression="@" /></bpmn:extensionElements></bpmn:callActivity>""", "x", "rjh:output 'a'")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="@items" rjh:elementVariable="i" /></bpmn:userTask>""", "x", "rjh:collection")]
    [InlineData("""<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics rjh:collection="items" rjh:elementVariable="i" rjh:outputElement="@" /></bpmn:userTask>""", "x", "rjh:outputElement")]
    [InlineData("""<bpmn:intermediateCatchEvent id="x" rjh:correlationKey="@key"><bpmn:messageEventDefinition id="d" messageRef="Msg" /></bpmn:intermediateCatchEvent>""", "x", "rjh:correlationKey")]
    [InlineData("""<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x" rjh:correlationKey="@"><bpmn:messageEventDefinition id="d" messageRef="Msg" /></bpmn:boundaryEvent>""", "b", "rjh:correlationKey")]
    public void A_syntax_error_is_reported_on_the_element_that_holds_the_expression(string middle, string id, string what)
    {
        var xml = Around(middle, roots: """<bpmn:message id="Msg" name="m" />""");

        var diagnostic = AssertReported(xml, Refuse(xml, Checking), id, what);

        Assert.Contains("unexpected '@'", diagnostic.Message);
    }

    [Fact]
    public void A_condition_with_a_syntax_error_is_reported_on_its_flow()
    {
        var xml = Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:exclusiveGateway id="g" default="g_b" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
            {Flows("s->g", "g->b")}
            {Flow("g_a", "g", "a", "${amount @ 3}")}
            """);

        AssertReported(xml, Refuse(xml, Checking), "g_a", "the condition");
    }

    [Fact]
    public void A_script_with_a_syntax_error_is_reported_on_its_task()
    {
        var xml = Around("""
            <bpmn:scriptTask id="x" scriptFormat="javascript">
              <bpmn:script>var a = @;</bpmn:script>
            </bpmn:scriptTask>
            """);

        AssertReported(xml, Refuse(xml, Checking), "x", "unexpected '@' in script", marker: "<bpmn:script>");
    }

    [Fact]
    public void A_check_that_throws_becomes_a_diagnostic()
    {
        var options = new BpmnReaderOptions { CheckExpression = _ => throw new InvalidOperationException("engine down") };
        var xml = Around("""<bpmn:userTask id="x" rjh:assignee="boss" />""");

        AssertReported(xml, Refuse(xml, options), "x", "engine down");
    }

    [Fact]
    public void Valid_expressions_pass_the_check()
    {
        Accept(Around("""<bpmn:userTask id="x" rjh:assignee="initiator" />"""), Checking);
    }
}
