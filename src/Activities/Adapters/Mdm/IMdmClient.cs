namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>
/// The region's MDM (Intune in production). Every change takes the job's idempotency key: a repeat with the
/// same key returns the first result and changes nothing. Refusals throw <see cref="AdapterRejectedException"/>,
/// outages <see cref="AdapterUnavailableException"/>.
/// </summary>
public interface IMdmClient
{
    /// <summary>
    /// Puts a device under the region's management for a user: found by IMEI and/or serial number, assigned to
    /// the user's region account, configured with the RJH profile. <see cref="MdmEnrollmentStatus.Pending"/>
    /// (no device id yet) when the MDM has not seen the device: it has not been switched on and checked in.
    /// </summary>
    Task<MdmEnrollment> EnrollDeviceAsync(MdmEnrollmentRequest request, string idempotencyKey, CancellationToken ct = default);

    Task<MdmActionResult> LockDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Factory reset; the device stays known to the MDM (it enrols again on its next start).</summary>
    Task<MdmActionResult> WipeDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Removes the region's data and management from the device; the device leaves the MDM.</summary>
    Task<MdmActionResult> RetireDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Clears the activation lock (Apple) so a returned device can be set up again.</summary>
    Task<MdmActionResult> ReleaseActivationLockAsync(string deviceId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>
    /// Shows a notification in the Company Portal app on the devices of the people in the given groups (Intune's custom
    /// notification: it reaches groups only, never single devices). Not stored by the MDM: a lost one is not sent again.
    /// </summary>
    Task<MdmNotificationResult> SendNotificationAsync(MdmNotification notification, string idempotencyKey, CancellationToken ct = default);

    /// <summary>The device, or null when the MDM does not know it.</summary>
    Task<MdmDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default);
}
