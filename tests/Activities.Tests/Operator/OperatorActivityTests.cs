using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Activities.Operator;
using RJH.DeviceWorkflows.Activities.Tests.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;
using static RJH.DeviceWorkflows.Activities.Tests.Support.ExternalSystemsBed;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;
using OperatorStatus = RJH.DeviceWorkflows.Activities.Adapters.Operator.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Tests.Operator;

/// <summary>The Operator.* activities against the simulated operator and the real register.</summary>
public sealed class OperatorActivityTests
{
    [Fact]
    public async Task An_order_is_recorded_as_Ordered_for_the_person_and_device_with_the_operators_id()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();

        var result = await OrderAsync(bed, NewKey(), device.Id);

        var subscription = await bed.Register.Subscriptions.GetAsync(RegisterUser.System, result.Id);
        Assert.Equal((result.Msisdn, "Telia", SimKind.ESim, SubscriptionUsage.DataOnly, RegisterStatus.Ordered, Erik, (Guid?)device.Id),
            (subscription.Msisdn, subscription.Operator, subscription.Sim, subscription.Usage, subscription.Status, subscription.EmployeeId, subscription.DeviceId));
        var ordered = await bed.Operator.GetSubscriptionAsync(subscription.OperatorSubscriptionId!);
        Assert.Equal((result.Msisdn, OperatorStatus.Pending, SimType.Esim, Erik), (ordered!.Msisdn, ordered.Status, ordered.Sim.Type, ordered.Holder.EmployeeId));
        Assert.DoesNotContain(result.Msisdn, result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_key_twice_orders_one_subscription_and_records_it_once()
    {
        await using var bed = await CreateAsync();
        var key = NewKey();

        var first = await OrderAsync(bed, key);
        var again = await OrderAsync(bed, key);
        var next = await OrderAsync(bed, NewKey());

        Assert.Equal(first, again);
        Assert.Equal(2, (await bed.Register.Subscriptions.ListAsync(RegisterUser.System, null, null)).Count);
        // The operator gave out one number for the repeated key: the next order gets the very next one.
        Assert.Equal(long.Parse(first.Msisdn[1..]) + 1, long.Parse(next.Msisdn[1..]));
    }

    [Fact]
    public async Task Activate_block_by_device_and_terminate_move_the_subscription_through_its_statuses()
    {
        await using var bed = await CreateAsync();
        var device = await bed.EnrolledDeviceAsync();
        var order = await OrderAsync(bed, NewKey(), device.Id);

        await bed.RunAsync<ActivateSimActivity>(NewKey(), ("subscriptionId", order.Id));
        Assert.Equal(RegisterStatus.Active, (await SubscriptionAsync(bed, order.Id)).Status);
        await bed.RunAsync<BlockSimActivity>(NewKey(), ("deviceId", device.Id));
        var blocked = await SubscriptionAsync(bed, order.Id);
        Assert.Equal(RegisterStatus.Blocked, blocked.Status);
        Assert.Equal(OperatorStatus.Blocked, (await bed.Operator.GetSubscriptionAsync(blocked.OperatorSubscriptionId!))!.Status);
        await bed.RunAsync<TerminateSubscriptionActivity>(NewKey(), ("subscriptionId", order.Id));
        var terminated = await SubscriptionAsync(bed, order.Id);
        Assert.Equal((RegisterStatus.Terminated, null, null), (terminated.Status, terminated.EmployeeId, terminated.DeviceId));
    }

    [Fact]
    public async Task Blocking_a_device_without_an_active_subscription_is_a_noted_success()
    {
        await using var bed = await CreateAsync();
        var device = await bed.EnrolledDeviceAsync();

        var result = await bed.RunAsync<BlockSimActivity>(NewKey(), ("deviceId", device.Id));

        Assert.Equal($"Operator: device {device.Id} has no active subscription; nothing to block.", result.JournalNote);
    }

    [Fact]
    public async Task A_transfer_hands_the_subscription_to_the_other_person_at_the_operator_and_in_the_register()
    {
        await using var bed = await CreateAsync();
        var order = await OrderAsync(bed, NewKey());
        await bed.RunAsync<ActivateSimActivity>(NewKey(), ("subscriptionId", order.Id));

        await bed.RunAsync<TransferSubscriptionActivity>(NewKey(), ("subscriptionId", order.Id), ("toEmployeeId", Maja));

        var transferred = await SubscriptionAsync(bed, order.Id);
        Assert.Equal((Maja, RegisterStatus.Active), (transferred.EmployeeId, transferred.Status));
        var holder = (await bed.Operator.GetSubscriptionAsync(transferred.OperatorSubscriptionId!))!.Holder;
        Assert.Equal(new SubscriptionHolder(Maja, "Maja Mobil"), holder);
    }

    [Fact]
    public async Task An_unavailable_operator_propagates_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync(failureRate: 1);

        await UnavailableAsync(() => OrderAsync(bed, NewKey()));

        Assert.Empty(await bed.Register.Subscriptions.ListAsync(RegisterUser.System, null, null));
    }

    [Fact]
    public async Task Activating_a_blocked_sim_is_an_operator_rejected_bpmn_error_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync();
        var order = await OrderAsync(bed, NewKey());
        await bed.RunAsync<ActivateSimActivity>(NewKey(), ("subscriptionId", order.Id));
        await bed.RunAsync<BlockSimActivity>(NewKey(), ("subscriptionId", order.Id));
        var blocked = await SubscriptionAsync(bed, order.Id);

        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => bed.RunAsync<ActivateSimActivity>(NewKey(), ("subscriptionId", order.Id)));

        Assert.Equal(ExternalSystemErrors.OperatorRejected, error.Code);
        Assert.Equal($"The operator system refused to activate the SIM of subscription {order.Id}: sim_blocked.", error.Message);
        Assert.Equal(blocked, await SubscriptionAsync(bed, order.Id));
    }

    private sealed record Ordered(Guid Id, string Msisdn, string? Note);

    private static async Task<Ordered> OrderAsync(ExternalSystemsBed bed, string key, Guid? deviceId = null)
    {
        var result = await bed.RunAsync<OrderSubscriptionActivity>(key, ("employeeId", Erik), ("deviceId", deviceId), ("kind", "DataOnly"),
            ("simType", "eSIM"));
        return new Ordered(Guid.Parse(result.Outputs["subscriptionId"]!.GetValue<string>()), result.Outputs["msisdn"]!.GetValue<string>(),
            result.JournalNote);
    }

    private static Task<SubscriptionView> SubscriptionAsync(ExternalSystemsBed bed, Guid id) =>
        bed.Register.Subscriptions.GetAsync(RegisterUser.System, id);
}
