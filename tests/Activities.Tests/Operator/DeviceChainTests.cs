using RJH.DeviceWorkflows.Activities.Mdm;
using RJH.DeviceWorkflows.Activities.Operator;
using RJH.DeviceWorkflows.Registry;
using static RJH.DeviceWorkflows.Activities.Tests.Support.ExternalSystemsBed;

namespace RJH.DeviceWorkflows.Activities.Tests.Operator;

/// <summary>The steps of ordering and losing a phone, one after another on one device, as the models chain them.</summary>
public sealed class DeviceChainTests
{
    [Fact]
    public async Task Enrol_order_activate_block_and_terminate_leave_the_register_consistent()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();

        var enrolled = await bed.RunAsync<EnrollDeviceActivity>(NewKey(), ("deviceId", device.Id), ("employeeId", Erik));
        var ordered = await bed.RunAsync<OrderSubscriptionActivity>(NewKey(), ("employeeId", Erik), ("deviceId", device.Id),
            ("kind", "Voice"), ("simType", "SIM"));
        var subscriptionId = ordered.Outputs["subscriptionId"]!.GetValue<string>();
        await bed.RunAsync<ActivateSimActivity>(NewKey(), ("subscriptionId", subscriptionId));
        await bed.Register.Devices.AssignAsync(RegisterUser.System, device.Id, Erik);
        var active = await bed.Register.Subscriptions.ActiveOfAsync(null, device.Id);
        await bed.RunAsync<BlockSimActivity>(NewKey(), ("deviceId", device.Id));
        await bed.RunAsync<TerminateSubscriptionActivity>(NewKey(), ("subscriptionId", subscriptionId));

        var after = await bed.DeviceAsync(device.Id);
        Assert.Equal((DeviceStatus.Assigned, MdmState.Enrolled, enrolled.Outputs["mdmDeviceId"]!.GetValue<string>()),
            (after.Status, after.MdmState, after.MdmDeviceId));
        Assert.Equal((SubscriptionStatus.Active, SimKind.Sim, SubscriptionUsage.Voice), (active!.Status, active.Sim, active.Usage));
        var subscription = await bed.Register.Subscriptions.GetAsync(RegisterUser.System, Guid.Parse(subscriptionId));
        Assert.Equal((SubscriptionStatus.Terminated, null, null), (subscription.Status, subscription.EmployeeId, subscription.DeviceId));
        Assert.Null(await bed.Register.Subscriptions.ActiveOfAsync(Erik, device.Id));
        Assert.Equal(["Status", "Status", "Status", "Created"], await bed.AuditActionsAsync("Subscription", subscription.Id));
    }
}
