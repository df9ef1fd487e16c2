using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Mdm;

public sealed class SimulatedMdmClientTests
{
    private static readonly MdmEnrollmentRequest Phone = new("356938035643809", "F2LXK0ABCD12", "erik.anstalld@regionjh.se");

    [Fact]
    public async Task Wiping_an_unknown_device_is_refused()
    {
        var mdm = Simulators.Mdm();

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => mdm.WipeDeviceAsync("no-such-device", "k1"));

        Assert.Equal(AdapterErrorCodes.NotFound, e.Code);
        Assert.Equal(AdapterSystems.Mdm, e.System);
    }

    [Fact]
    public async Task Enrolling_teaches_the_simulator_the_device_with_user_and_profile()
    {
        var mdm = Simulators.Mdm();

        var enrolment = await mdm.EnrollDeviceAsync(Phone, "k1");
        var device = await mdm.GetDeviceAsync(enrolment.DeviceId!);

        Assert.Equal(MdmEnrollmentStatus.Enrolled, enrolment.Status);
        Assert.NotNull(device);
        Assert.Equal(Phone.UserPrincipalName, device.UserPrincipalName);
        Assert.Equal("RJH Standard", device.ConfigurationProfile);
        Assert.Equal(MdmDeviceState.Active, device.State);
    }

    [Fact]
    public async Task Enrolling_again_with_the_same_key_returns_the_same_device_and_adds_none()
    {
        var mdm = Simulators.Mdm();

        var first = await mdm.EnrollDeviceAsync(Phone, "k1");
        var again = await mdm.EnrollDeviceAsync(Phone with { UserPrincipalName = "maja.mobil@regionjh.se" }, "k1");

        Assert.Equal(first, again);
        Assert.Equal(Phone.UserPrincipalName, (await mdm.GetDeviceAsync(first.DeviceId!))!.UserPrincipalName);
    }

    [Fact]
    public async Task A_device_enrolled_again_for_another_user_keeps_its_id()
    {
        var mdm = Simulators.Mdm();
        var first = await mdm.EnrollDeviceAsync(Phone, "k1");

        var second = await mdm.EnrollDeviceAsync(new MdmEnrollmentRequest(null, Phone.SerialNumber, "maja.mobil@regionjh.se"), "k2");

        Assert.Equal(first.DeviceId, second.DeviceId);
        Assert.Equal("maja.mobil@regionjh.se", (await mdm.GetDeviceAsync(first.DeviceId!))!.UserPrincipalName);
    }

    [Fact]
    public async Task Enrolment_without_identifier_or_user_is_refused()
    {
        var mdm = Simulators.Mdm();

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => mdm.EnrollDeviceAsync(new MdmEnrollmentRequest(null, " ", "x@regionjh.se"), "k1"));

        Assert.Equal(AdapterErrorCodes.InvalidRequest, e.Code);
    }

    [Fact]
    public async Task Actions_change_the_device_once_per_key()
    {
        var mdm = Simulators.Mdm();
        var device = mdm.SeedDevice("356938035643809", null, "erik.anstalld@regionjh.se");

        var locked = await mdm.LockDeviceAsync(device.Id, "lock");
        var released = await mdm.ReleaseActivationLockAsync(device.Id, "release");
        var wiped = await mdm.WipeDeviceAsync(device.Id, "wipe");
        var wipedAgain = await mdm.WipeDeviceAsync(device.Id, "wipe");

        Assert.Equal(MdmActionStatus.Completed, locked.Status);
        Assert.Equal(MdmAction.ReleaseActivationLock, released.Action);
        Assert.Equal(wiped, wipedAgain);
        var after = await mdm.GetDeviceAsync(device.Id);
        Assert.Equal(MdmDeviceState.Wiped, after!.State);
        Assert.False(after.ActivationLocked);
    }

    [Fact]
    public async Task A_retired_device_refuses_further_actions_but_a_repeated_retire_key_does_not()
    {
        var mdm = Simulators.Mdm();
        var device = mdm.SeedDevice(null, "F2LXK0ABCD12");

        var retired = await mdm.RetireDeviceAsync(device.Id, "retire");

        Assert.Equal(retired, await mdm.RetireDeviceAsync(device.Id, "retire"));
        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => mdm.WipeDeviceAsync(device.Id, "wipe"));
        Assert.Equal(AdapterErrorCodes.DeviceRetired, e.Code);
        Assert.Null((await mdm.GetDeviceAsync(device.Id))!.UserPrincipalName);
    }

    [Fact]
    public async Task With_failure_rate_one_every_call_is_unavailable_and_nothing_changes()
    {
        var mdm = Simulators.Mdm(failureRate: 1.0);
        var device = mdm.SeedDevice("356938035643809", null);

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => mdm.WipeDeviceAsync(device.Id, "k1"));
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => mdm.EnrollDeviceAsync(Phone with { Imei = "490154203237518", SerialNumber = null }, "k2"));
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => mdm.GetDeviceAsync(device.Id));

        // The seeding path bypasses the dice: the device is untouched and no second device was learnt.
        var again = mdm.SeedDevice("356938035643809", null);
        Assert.Equal(device.Id, again.Id);
        Assert.Equal(MdmDeviceState.Active, again.State);
    }
}
