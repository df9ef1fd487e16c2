using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Activities.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using static RJH.DeviceWorkflows.Activities.Tests.Support.ExternalSystemsBed;

namespace RJH.DeviceWorkflows.Activities.Tests.Mdm;

/// <summary>Mdm.LockDevice, WipeDevice, RetireDevice and ReleaseActivationLock against the simulated MDM and the real register.</summary>
public sealed class MdmDeviceActivityTests
{
    [Fact]
    public async Task Wiping_a_returned_device_wipes_it_in_the_mdm_and_the_register_records_it_Wiped()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReturnedDeviceAsync();

        var result = await bed.RunAsync<WipeDeviceActivity>(NewKey(), ("deviceId", device.Id));

        var after = await bed.DeviceAsync(device.Id);
        Assert.Equal((MdmState.Wiped, DeviceStatus.Wiped), (after.MdmState, after.Status));
        Assert.Equal(MdmDeviceState.Wiped, (await bed.Mdm.GetDeviceAsync(device.MdmDeviceId!))!.State);
        Assert.Equal($"MDM: wipe device {device.Id} (MDM device {device.MdmDeviceId}): Completed.", result.JournalNote);
    }

    [Fact]
    public async Task Wiping_a_lost_device_leaves_it_Lost()
    {
        await using var bed = await CreateAsync();
        var device = await bed.EnrolledDeviceAsync();
        await bed.Register.Devices.SetStatusAsync(RegisterUser.System, device.Id, DeviceStatus.Lost, "Anmäld förlorad");

        await bed.RunAsync<WipeDeviceActivity>(NewKey(), ("deviceId", device.Id));

        var after = await bed.DeviceAsync(device.Id);
        Assert.Equal((MdmState.Wiped, DeviceStatus.Lost), (after.MdmState, after.Status));
    }

    [Fact]
    public async Task Lock_retire_and_activation_lock_release_record_what_the_mdm_did()
    {
        await using var bed = await CreateAsync();
        var device = await bed.EnrolledDeviceAsync();

        await bed.RunAsync<LockDeviceActivity>(NewKey(), ("deviceId", device.Id));
        Assert.Equal(MdmState.Locked, (await bed.DeviceAsync(device.Id)).MdmState);
        await bed.RunAsync<ReleaseActivationLockActivity>(NewKey(), ("deviceId", device.Id));
        Assert.Equal(ActivationLock.Off, (await bed.DeviceAsync(device.Id)).ActivationLock);
        Assert.False((await bed.Mdm.GetDeviceAsync(device.MdmDeviceId!))!.ActivationLocked);
        await bed.RunAsync<RetireDeviceActivity>(NewKey(), ("deviceId", device.Id));
        Assert.Equal(MdmState.Removed, (await bed.DeviceAsync(device.Id)).MdmState);
        Assert.Equal(MdmDeviceState.Retired, (await bed.Mdm.GetDeviceAsync(device.MdmDeviceId!))!.State);
    }

    [Fact]
    public async Task The_same_key_twice_wipes_once_and_changes_the_register_once()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReturnedDeviceAsync();
        var before = (await bed.AuditActionsAsync("Device", device.Id)).Count;
        var key = NewKey();

        await bed.RunAsync<WipeDeviceActivity>(key, ("deviceId", device.Id));
        await bed.RunAsync<WipeDeviceActivity>(key, ("deviceId", device.Id));

        var audit = await bed.AuditActionsAsync("Device", device.Id);
        Assert.Equal(["Status", "Mdm"], audit.Take(audit.Count - before));
    }

    [Fact]
    public async Task An_unavailable_mdm_propagates_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync(failureRate: 1);
        var device = await bed.SeededEnrolledDeviceAsync();

        await UnavailableAsync(() => bed.RunAsync<LockDeviceActivity>(NewKey(), ("deviceId", device.Id)));

        Assert.Equal(device, await bed.DeviceAsync(device.Id) with { Assignments = null });
    }

    [Fact]
    public async Task A_device_the_mdm_does_not_know_is_an_mdm_rejected_bpmn_error_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();
        // As after a restart of the simulator: the register holds an MDM id the MDM no longer knows.
        device = await bed.Register.Devices.RecordMdmAsync(RegisterUser.System, device.Id, new MdmReport(MdmState.Enrolled, true, null, "gone"));

        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => bed.RunAsync<WipeDeviceActivity>(NewKey(), ("deviceId", device.Id)));

        Assert.Equal(ExternalSystemErrors.MdmRejected, error.Code);
        Assert.Equal($"The mdm system refused to wipe device {device.Id}: not_found.", error.Message);
        Assert.Equal(device, await bed.DeviceAsync(device.Id) with { Assignments = null });
    }

    [Fact]
    public async Task A_device_without_an_mdm_id_in_the_register_is_an_mdm_rejected_bpmn_error()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();

        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => bed.RunAsync<LockDeviceActivity>(NewKey(), ("deviceId", device.Id)));

        Assert.Equal(ExternalSystemErrors.MdmRejected, error.Code);
    }
}
