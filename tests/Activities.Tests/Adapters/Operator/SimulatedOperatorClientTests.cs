using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Operator;

public sealed class SimulatedOperatorClientTests
{
    private static readonly SubscriptionOrder VoiceEsim = new(SubscriptionKind.Voice, SimType.Esim, new SubscriptionHolder("SE2321000214-E1234", "Erik Anställd", "4711"));

    [Fact]
    public async Task An_order_gives_a_pending_subscription_with_number_and_esim_profile()
    {
        var op = Simulators.Operator();

        var s = await op.OrderSubscriptionAsync(VoiceEsim, "k1");

        Assert.Equal(SubscriptionStatus.Pending, s.Status);
        Assert.Equal("+46701740605", s.Msisdn);
        Assert.StartsWith("8946", s.Sim.Iccid);
        Assert.StartsWith("LPA:1$", s.Sim.ActivationCode);
        Assert.Equal(s, await op.GetSubscriptionAsync(s.Id));
    }

    [Fact]
    public async Task A_physical_sim_has_no_activation_code()
    {
        var s = await Simulators.Operator().OrderSubscriptionAsync(VoiceEsim with { SimType = SimType.Sim, Kind = SubscriptionKind.DataOnly }, "k1");

        Assert.Null(s.Sim.ActivationCode);
        Assert.Equal(SubscriptionKind.DataOnly, s.Kind);
    }

    [Fact]
    public async Task Ordering_again_with_the_same_key_returns_the_first_subscription_and_orders_nothing()
    {
        var op = Simulators.Operator();

        var first = await op.OrderSubscriptionAsync(VoiceEsim, "k1");
        var again = await op.OrderSubscriptionAsync(VoiceEsim, "k1");
        var next = await op.OrderSubscriptionAsync(VoiceEsim, "k2");

        Assert.Equal(first, again);
        Assert.Equal("+46701740606", next.Msisdn); // only one number was taken by the repeated order
    }

    [Fact]
    public async Task The_lifecycle_activate_transfer_block_terminate()
    {
        var op = Simulators.Operator();
        var s = await op.OrderSubscriptionAsync(VoiceEsim, "order");

        Assert.Equal(SubscriptionStatus.Active, (await op.ActivateSimAsync(s.Id, "activate")).Status);
        var successor = new SubscriptionHolder("SE2321000214-E9999", "Maja Mobil");
        Assert.Equal(successor, (await op.TransferSubscriptionAsync(s.Id, successor, "transfer")).Holder);
        Assert.Equal(SubscriptionStatus.Blocked, (await op.BlockSimAsync(s.Id, SimBlockReason.Lost, "block")).Status);
        Assert.Equal(SubscriptionStatus.Terminated, (await op.TerminateSubscriptionAsync(s.Id, "terminate")).Status);
    }

    [Fact]
    public async Task A_terminated_subscription_refuses_changes()
    {
        var op = Simulators.Operator();
        var s = op.SeedSubscription(VoiceEsim);
        await op.TerminateSubscriptionAsync(s.Id, "terminate");

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => op.TerminateSubscriptionAsync(s.Id, "terminate-again"));

        Assert.Equal(AdapterErrorCodes.SubscriptionTerminated, e.Code);
        Assert.DoesNotContain("Erik", e.Message);
    }

    [Fact]
    public async Task A_blocked_sim_cannot_be_activated_and_an_unknown_subscription_is_refused()
    {
        var op = Simulators.Operator();
        var s = op.SeedSubscription(VoiceEsim);
        await op.BlockSimAsync(s.Id, SimBlockReason.Stolen, "block");

        Assert.Equal(AdapterErrorCodes.SimBlocked, (await Assert.ThrowsAsync<AdapterRejectedException>(() => op.ActivateSimAsync(s.Id, "a"))).Code);
        Assert.Equal(AdapterErrorCodes.NotFound, (await Assert.ThrowsAsync<AdapterRejectedException>(() => op.ActivateSimAsync("sub-x", "b"))).Code);
        Assert.Null(await op.GetSubscriptionAsync("sub-x"));
    }

    [Fact]
    public async Task With_failure_rate_one_nothing_is_ordered()
    {
        var op = Simulators.Operator(failureRate: 1.0);
        var seeded = op.SeedSubscription(VoiceEsim);

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => op.OrderSubscriptionAsync(VoiceEsim, "k1"));
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => op.TerminateSubscriptionAsync(seeded.Id, "k2"));

        // The next number is still the second one: the failed order took none, and the seeded one was not terminated.
        Assert.Equal("+46701740606", op.SeedSubscription(VoiceEsim).Msisdn);
    }
}
