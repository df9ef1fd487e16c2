using RJH.DeviceWorkflows.Engine.Model;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class EventReadingTests
{
    private const string Messages = """
        <bpmn:message id="Message_0a" name="device-returned" />
        <bpmn:message id="Message_0b" />
        <bpmn:error id="Error_1" name="Out of stock" errorCode="OUT_OF_STOCK" />
        <bpmn:error id="Error_2" name="No code" />
        """;

    private static T Node<T>(string body) where T : FlowNode =>
        Assert.IsType<T>(Accept(Process(body, roots: Messages)).Node("x"));

    [Theory]
    [InlineData("Message_0a", "device-returned")]
    [InlineData("Message_0b", "Message_0b")]
    public void Message_start_event_takes_the_message_name_or_else_its_id(string messageRef, string expected)
    {
        var start = Node<StartEvent>($"""
            <bpmn:startEvent id="x"><bpmn:messageEventDefinition id="med" messageRef="{messageRef}" /></bpmn:startEvent>
            """);

        Assert.Equal((EventTriggerKind.Message, expected), (start.Trigger.Kind, start.Trigger.MessageName));
    }

    [Theory]
    [InlineData("timeDate", TimerKind.Date, "2030-01-01T08:00:00Z")]
    [InlineData("timeDuration", TimerKind.Duration, "P1D")]
    [InlineData("timeCycle", TimerKind.Cycle, "R3/PT10M")]
    public void Timer_start_event_keeps_kind_and_trimmed_text(string element, TimerKind kind, string text)
    {
        var start = Node<StartEvent>($"""
            <bpmn:startEvent id="x">
              <bpmn:timerEventDefinition id="ted"><bpmn:{element} xsi:type="bpmn:tFormalExpression">  {text}
              </bpmn:{element}></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            """);

        Assert.Equal(EventTriggerKind.Timer, start.Trigger.Kind);
        Assert.Equal(new TimerDefinition(kind, text), start.Trigger.Timer);
    }

    [Fact]
    public void End_events_read_none_terminate_and_error_with_or_without_code()
    {
        var model = Accept(Process("""
                <bpmn:startEvent id="s" />
                <bpmn:parallelGateway id="g" />
                <bpmn:endEvent id="none" />
                <bpmn:endEvent id="term"><bpmn:terminateEventDefinition id="t1" /></bpmn:endEvent>
                <bpmn:endEvent id="err"><bpmn:errorEventDefinition id="e1" errorRef="Error_1" /></bpmn:endEvent>
                <bpmn:endEvent id="nocode"><bpmn:errorEventDefinition id="e2" errorRef="Error_2" /></bpmn:endEvent>
                <bpmn:endEvent id="noref"><bpmn:errorEventDefinition id="e3" /></bpmn:endEvent>
            """ + Flows("s->g", "g->none", "g->term", "g->err", "g->nocode", "g->noref"), roots: Messages));

        EventTrigger Trigger(string id) => Assert.IsType<EndEvent>(model.Node(id)).Trigger;
        Assert.Equal(EventTrigger.None, Trigger("none"));
        Assert.Equal(EventTriggerKind.Terminate, Trigger("term").Kind);
        Assert.Equal((EventTriggerKind.Error, "OUT_OF_STOCK"), (Trigger("err").Kind, Trigger("err").ErrorCode));
        Assert.Equal((EventTriggerKind.Error, (string?)null), (Trigger("nocode").Kind, Trigger("nocode").ErrorCode));
        Assert.Equal((EventTriggerKind.Error, (string?)null), (Trigger("noref").Kind, Trigger("noref").ErrorCode));
    }

    [Fact]
    public void Intermediate_timer_catch_event()
    {
        var model = Accept(Around("""
            <bpmn:intermediateCatchEvent id="x" name="Wait a day">
              <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """));

        var wait = Assert.IsType<CatchEvent>(model.Node("x"));
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "P1D"), wait.Trigger.Timer);
    }

    [Fact]
    public void Intermediate_message_catch_event_reads_the_correlation_key()
    {
        var model = Accept(Around("""
            <bpmn:intermediateCatchEvent id="x" rjh:correlationKey="order.deviceId">
              <bpmn:messageEventDefinition id="m" messageRef="Message_0a" />
            </bpmn:intermediateCatchEvent>
            """, Messages));

        var trigger = Assert.IsType<CatchEvent>(model.Node("x")).Trigger;
        Assert.Equal((EventTriggerKind.Message, "device-returned", "order.deviceId"),
            (trigger.Kind, trigger.MessageName, trigger.CorrelationKey));
    }

    [Fact]
    public void Boundary_events_read_attachment_interruption_and_trigger()
    {
        var model = Accept(Around("""
            <bpmn:userTask id="x" />
            <bpmn:boundaryEvent id="timer" attachedToRef="x" cancelActivity="false">
              <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="msg" attachedToRef="x" rjh:correlationKey="deviceId">
              <bpmn:messageEventDefinition id="m" messageRef="Message_0a" />
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="anyError" attachedToRef="x"><bpmn:errorEventDefinition id="e" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="stockError" attachedToRef="x" cancelActivity="true">
              <bpmn:errorEventDefinition id="e2" errorRef="Error_1" />
            </bpmn:boundaryEvent>
            """, Messages));

        BoundaryEvent B(string id) => Assert.IsType<BoundaryEvent>(model.Node(id));
        Assert.Equal(("x", false, TimerKind.Duration), (B("timer").AttachedToId, B("timer").CancelActivity, B("timer").Trigger.Timer!.Kind));
        Assert.Equal((true, "device-returned", "deviceId"), (B("msg").CancelActivity, B("msg").Trigger.MessageName, B("msg").Trigger.CorrelationKey));
        Assert.Equal((EventTriggerKind.Error, (string?)null), (B("anyError").Trigger.Kind, B("anyError").Trigger.ErrorCode));
        Assert.Equal("OUT_OF_STOCK", B("stockError").Trigger.ErrorCode);
        Assert.Equal(new[] { "anyError", "msg", "stockError", "timer" }, model.BoundaryEvents["x"].Select(b => b.Id).Order());
    }

    [Fact]
    public void A_start_event_inside_a_sub_process_is_a_none_start_with_the_sub_process_as_scope()
    {
        var model = Accept(Around("""
            <bpmn:subProcess id="x">
              <bpmn:startEvent id="inner" />
            </bpmn:subProcess>
            """));

        var inner = Assert.IsType<StartEvent>(model.Node("inner"));
        Assert.Equal(("x", EventTriggerKind.None), (inner.ScopeId, inner.Trigger.Kind));
    }
}
