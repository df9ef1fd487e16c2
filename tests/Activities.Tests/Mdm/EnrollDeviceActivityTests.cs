using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Support;
using RJH.DeviceWorkflows.Registry;
using static RJH.DeviceWorkflows.Activities.Tests.Support.ExternalSystemsBed;

namespace RJH.DeviceWorkflows.Activities.Tests.Mdm;

/// <summary>Mdm.EnrollDevice against the simulated MDM and the real register.</summary>
public sealed class EnrollDeviceActivityTests
{
    [Fact]
    public async Task A_reserved_device_is_enrolled_for_the_persons_account_and_the_register_keeps_the_mdm_id()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();

        var result = await bed.RunAsync<EnrollDeviceActivity>(NewKey(), ("deviceId", device.Id), ("employeeId", Erik));

        var mdmDeviceId = result.Outputs["mdmDeviceId"]!.GetValue<string>();
        var after = await bed.DeviceAsync(device.Id);
        Assert.Equal((MdmState.Enrolled, true, mdmDeviceId, DeviceStatus.Enrolled),
            (after.MdmState, after.ManagedAccount, after.MdmDeviceId, after.Status));
        var managed = await bed.Mdm.GetDeviceAsync(mdmDeviceId);
        Assert.Equal(("erik@rjh.se", device.Imei), (managed!.UserPrincipalName, managed.Imei));
        Assert.DoesNotContain("erik", result.JournalNote, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_key_twice_enrols_once_and_changes_the_register_once()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();
        var key = NewKey();

        var first = await bed.RunAsync<EnrollDeviceActivity>(key, ("deviceId", device.Id), ("employeeId", Erik));
        var again = await bed.RunAsync<EnrollDeviceActivity>(key, ("deviceId", device.Id), ("employeeId", Erik));

        Assert.Equal(first.Outputs["mdmDeviceId"]!.GetValue<string>(), again.Outputs["mdmDeviceId"]!.GetValue<string>());
        Assert.Equal(["Enrolled", "Status", "Created"], await bed.AuditActionsAsync("Device", device.Id));
    }

    [Fact]
    public async Task An_unavailable_mdm_propagates_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync(failureRate: 1);
        var device = await bed.ReservedDeviceAsync();

        await UnavailableAsync(() => bed.RunAsync<EnrollDeviceActivity>(NewKey(), ("deviceId", device.Id), ("employeeId", Erik)));

        Assert.Equal(device, await bed.DeviceAsync(device.Id) with { Assignments = null });
    }

    [Fact]
    public async Task A_device_the_mdm_has_not_seen_yet_fails_the_step_so_it_is_retried_and_records_nothing()
    {
        await using var bed = await CreateAsync();
        var device = await bed.ReservedDeviceAsync();
        var activity = new EnrollDeviceActivity(new PendingMdm(), bed.Register.Devices, bed.Register.Directory);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            activity.ExecuteAsync(Context(NewKey(), ("deviceId", device.Id), ("employeeId", Erik)), CancellationToken.None));

        Assert.Contains("not seen", failure.Message, StringComparison.Ordinal);
        Assert.Equal((MdmState.NotEnrolled, DeviceStatus.Reserved), ((await bed.DeviceAsync(device.Id)).MdmState, device.Status));
    }

    /// <summary>An MDM (Intune) that has not seen any device yet: every enrolment is pending.</summary>
    private sealed class PendingMdm : IMdmClient
    {
        public Task<MdmEnrollment> EnrollDeviceAsync(MdmEnrollmentRequest request, string idempotencyKey, CancellationToken ct = default) =>
            Task.FromResult(new MdmEnrollment(MdmEnrollmentStatus.Pending, null));

        public Task<MdmActionResult> LockDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> WipeDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> RetireDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> ReleaseActivationLockAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmNotificationResult> SendNotificationAsync(MdmNotification notification, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
