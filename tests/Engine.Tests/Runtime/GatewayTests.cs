using RJH.DeviceWorkflows.Data;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

public abstract class GatewayTests(DatabaseKind kind)
{
    public sealed class Sqlite() : GatewayTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : GatewayTests(DatabaseKind.PostgreSql);

    private static string Exclusive => Process("p", """
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="toSmall" />
        """ + UserTask("big") + UserTask("medium") + UserTask("small") + Flow("f0", "start", "gw") + Flow("toBig", "gw", "big", "vars.amount > 100")
            + Flow("toMedium", "gw", "medium", "vars.amount > 10") + Flow("toSmall", "gw", "small"));

    [SkippableTheory]
    [InlineData(500, "big")]      // first matching condition wins, though the next one holds too
    [InlineData(50, "medium")]
    [InlineData(5, "small")]      // default flow
    public async Task Exclusive_gateway_takes_first_true_condition_else_default(int amount, string expected)
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Exclusive, new { amount });
        Assert.Equal([expected], instance.ActiveElements);
    }

    [SkippableFact]
    public async Task Exclusive_gateway_without_a_true_condition_or_default_gives_an_incident()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
            """ + Flow("f0", "start", "gw") + Flow("fa", "gw", "a", "vars.x == 1") + Flow("fb", "gw", "b", "vars.x == 2")), new { x = 3 });

        Assert.Equal("Faulted", instance.Status);
        Assert.Equal("gw", Assert.Single(instance.Incidents).ElementId);
    }

    [SkippableFact]
    public async Task Parallel_gateway_forks_and_join_waits_for_every_incoming_flow()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" /><bpmn:parallelGateway id="join" />
            """ + UserTask("a") + UserTask("b") + UserTask("after") + Flow("f0", "start", "fork") + Flow("f1", "fork", "a") + Flow("f2", "fork", "b")
                + Flow("f3", "a", "join") + Flow("f4", "b", "join") + Flow("f5", "join", "after")));

        Assert.Equal(["a", "b"], instance.ActiveElements.Order());
        var afterA = await h.CompleteAsync(instance.Id, "a");
        Assert.Equal(["b", "join"], afterA.ActiveElements.Order());
        var afterB = await h.CompleteAsync(instance.Id, "b");
        Assert.Equal(["after"], afterB.ActiveElements);
    }

    private static string InclusiveProcess => Process("p", """
        <bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="fork" default="fNone" /><bpmn:inclusiveGateway id="join" />
        """ + UserTask("phone") + UserTask("tablet") + UserTask("sim") + UserTask("nothing") + UserTask("after")
            + Flow("f0", "start", "fork")
            + Flow("fPhone", "fork", "phone", "vars.phone") + Flow("fTablet", "fork", "tablet", "vars.tablet")
            + Flow("fSim", "fork", "sim", "vars.sim") + Flow("fNone", "fork", "nothing")
            + Flow("j1", "phone", "join") + Flow("j2", "tablet", "join") + Flow("j3", "sim", "join") + Flow("j4", "nothing", "join")
            + Flow("fAfter", "join", "after"));

    [SkippableFact]
    public async Task Inclusive_gateway_takes_every_true_flow_and_join_waits_only_for_those()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(InclusiveProcess, new { phone = true, tablet = false, sim = true });

        Assert.Equal(["phone", "sim"], instance.ActiveElements.Order());
        var afterPhone = await h.CompleteAsync(instance.Id, "phone");
        Assert.DoesNotContain("after", afterPhone.ActiveElements);
        var afterSim = await h.CompleteAsync(instance.Id, "sim");
        Assert.Equal(["after"], afterSim.ActiveElements);
    }

    [SkippableFact]
    public async Task Inclusive_gateway_takes_default_when_nothing_holds()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(InclusiveProcess, new { phone = false, tablet = false, sim = false });
        Assert.Equal(["nothing"], instance.ActiveElements);
        Assert.Equal(["after"], (await h.CompleteAsync(instance.Id, "nothing")).ActiveElements);
    }

    private static string EventGateway => Process("p", """
        <bpmn:startEvent id="start" /><bpmn:eventBasedGateway id="gw" />
        <bpmn:intermediateCatchEvent id="approved" rjh:correlationKey="vars.unitId"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        """ + UserTask("go") + UserTask("escalate") + Flow("f0", "start", "gw") + Flow("f1", "gw", "approved") + Flow("f2", "gw", "timeout")
            + Flow("f3", "approved", "go") + Flow("f4", "timeout", "escalate"),
        extraRoot: """<bpmn:message id="m1" name="risk-assessment-approved" />""");

    [SkippableFact]
    public async Task Event_based_gateway_message_first_cancels_the_timer()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(EventGateway, new { unitId = "HS-KIR-AVD1" });
        Assert.Equal(["gw"], instance.ActiveElements);

        Assert.Equal(1, await h.Engine.CorrelateMessageAsync("risk-assessment-approved", "HS-KIR-AVD1", null, EngineHarness.Admin));
        Assert.Equal(["go"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(6)));
        Assert.Equal(["go"], (await h.InstanceAsync(instance.Id)).ActiveElements);
    }

    [SkippableFact]
    public async Task Event_based_gateway_timer_first_drops_the_message_subscription()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var instance = await h.DeployAndStartAsync(EventGateway, new { unitId = "HS-KIR-AVD1" });

        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(5)));
        Assert.Equal(["escalate"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(0, await h.Engine.CorrelateMessageAsync("risk-assessment-approved", "HS-KIR-AVD1", null, EngineHarness.Admin));
    }
}
