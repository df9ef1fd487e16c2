using RJH.DeviceWorkflows.Engine.Model;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class GatewayAndFlowReadingTests
{
    [Theory]
    [InlineData("exclusiveGateway", GatewayKind.Exclusive)]
    [InlineData("inclusiveGateway", GatewayKind.Inclusive)]
    public void Exclusive_and_inclusive_gateways_read_their_default_flow_and_conditions(string element, GatewayKind kind)
    {
        var model = Accept(Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:{element} id="g" name="Approved?" default="g_no" />
                <bpmn:endEvent id="yes" />
                <bpmn:endEvent id="no" />
            {Flows("s->g")}
            {Flow("g_yes", "g", "yes", "  ${order.approved &amp;&amp; order.total &lt; 5000}  ")}
            {Flow("g_no", "g", "no")}
            """));

        var gateway = Assert.IsType<Gateway>(model.Node("g"));
        Assert.Equal((kind, "g_no", "Approved?"), (gateway.Kind, gateway.DefaultFlowId, gateway.Name));
        Assert.Equal("order.approved && order.total < 5000", model.Flows["g_yes"].Condition);
        Assert.Null(model.Flows["g_no"].Condition);
    }

    [Fact]
    public void A_condition_without_wrapper_is_kept_as_written()
    {
        var model = Accept(Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:exclusiveGateway id="g" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
            {Flows("s->g")}
            {Flow("g_a", "g", "a", "device.kind == 'phone'")}
            {Flow("g_b", "g", "b", "device.kind != 'phone'")}
            """));

        Assert.Equal("device.kind == 'phone'", model.Flows["g_a"].Condition);
    }

    [Fact]
    public void Parallel_gateway_splits_and_joins()
    {
        var model = Accept(Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:parallelGateway id="split" />
                <bpmn:userTask id="a" />
                <bpmn:userTask id="b" />
                <bpmn:parallelGateway id="join" />
                <bpmn:endEvent id="e" />
            {Flows("s->split", "split->a", "split->b", "a->join", "b->join", "join->e")}
            """));

        Assert.Equal(GatewayKind.Parallel, Assert.IsType<Gateway>(model.Node("split")).Kind);
        Assert.Equal(2, model.Outgoing["split"].Count);
        Assert.Equal(2, model.Incoming["join"].Count);
    }

    [Fact]
    public void Event_based_gateway_leads_to_timer_and_message_catch_events()
    {
        var model = Accept(Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:eventBasedGateway id="g" />
                <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition id="m" messageRef="Msg" /></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="timeout">
                  <bpmn:timerEventDefinition id="t"><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
            {Flows("s->g", "g->reply", "g->timeout")}
            """, roots: """<bpmn:message id="Msg" name="reply" />"""));

        Assert.Equal(GatewayKind.EventBased, Assert.IsType<Gateway>(model.Node("g")).Kind);
        Assert.Equal(new[] { "g_reply", "g_timeout" }, model.Outgoing["g"].Select(f => f.Id));
    }

    [Fact]
    public void Outgoing_flows_are_ordered_by_their_line_in_the_file()
    {
        var model = Accept(Process($"""
                <bpmn:startEvent id="s" />
                <bpmn:parallelGateway id="g" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
            {Flows("s->g", "g->b", "g->a")}
            """));

        Assert.Equal(new[] { "g_b", "g_a" }, model.Outgoing["g"].Select(f => f.Id));
    }
}
