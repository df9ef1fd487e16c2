using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>
/// An MDM in memory, the embedded default. It learns of a device when the device is enrolled (or seeded) and
/// refuses actions on devices it does not know, like Intune would. Actions complete at once.
/// </summary>
public sealed class SimulatedMdmClient : IMdmClient
{
    private readonly SimulatorCore _core;
    private readonly string _profile;
    private readonly SimulatedRecords<MdmDevice> _devices;
    private readonly List<SentNotification> _notifications = [];

    public SimulatedMdmClient(IOptions<MdmOptions> options, TimeProvider time)
    {
        _core = new SimulatorCore(AdapterSystems.Mdm, options.Value.Simulator, time);
        _devices = new SimulatedRecords<MdmDevice>(_core, "device", d => d.Id, d => d.State == MdmDeviceState.Retired
            ? _core.Refuse(AdapterErrorCodes.DeviceRetired, "The device has been retired from the MDM.")
            : null);
        _profile = options.Value.ConfigurationProfile;
    }

    /// <summary>Puts a device into the simulator as if it had been enrolled earlier (tests and demos).</summary>
    public MdmDevice SeedDevice(string? imei, string? serialNumber, string? userPrincipalName = null, bool activationLocked = true) =>
        _core.Seed(() => Enroll(new MdmEnrollmentRequest(imei, serialNumber, userPrincipalName ?? ""), activationLocked));

    /// <summary>
    /// Puts a device into the simulator under a given id: the host restores the simulator from the register at
    /// start, and the register's device id stays the device's MDM id across restarts.
    /// </summary>
    public MdmDevice SeedDevice(string id, string? imei, string? serialNumber, string? userPrincipalName, bool activationLocked) =>
        _core.Seed(() => _devices.Store(new MdmDevice(id, imei, serialNumber, string.IsNullOrEmpty(userPrincipalName) ? null : userPrincipalName,
            MdmDeviceState.Active, activationLocked, _profile, _core.Time.GetUtcNow())));

    public Task<MdmEnrollment> EnrollDeviceAsync(MdmEnrollmentRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Imei) && string.IsNullOrWhiteSpace(request.SerialNumber)
            || string.IsNullOrWhiteSpace(request.UserPrincipalName))
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, "Enrolment needs an IMEI or a serial number, and a user.");
        return _core.MutateAsync("enroll", idempotencyKey,
            () => new MdmEnrollment(MdmEnrollmentStatus.Enrolled, Enroll(request, activationLocked: true).Id), ct);
    }

    public Task<MdmActionResult> LockDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Lock, idempotencyKey, d => d with { State = MdmDeviceState.Locked }, ct);

    public Task<MdmActionResult> WipeDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Wipe, idempotencyKey, d => d with { State = MdmDeviceState.Wiped }, ct);

    public Task<MdmActionResult> RetireDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Retire, idempotencyKey, d => d with { State = MdmDeviceState.Retired, UserPrincipalName = null }, ct);

    public Task<MdmActionResult> ReleaseActivationLockAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.ReleaseActivationLock, idempotencyKey, d => d with { ActivationLocked = false }, ct);

    public Task<MdmDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default) =>
        _devices.GetAsync(deviceId, ct);

    public Task<MdmNotificationResult> SendNotificationAsync(MdmNotification notification, string idempotencyKey, CancellationToken ct = default)
    {
        if (notification.Problem is { } problem)
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, problem);
        return _core.MutateAsync("notify", idempotencyKey, () =>
        {
            var sent = new SentNotification(notification, _core.Time.GetUtcNow());
            _notifications.Add(sent);
            return new MdmNotificationResult(sent.At);
        }, ct);
    }

    /// <summary>The notifications sent so far, oldest first (tests and demos look at what reached the phones).</summary>
    public IReadOnlyList<SentNotification> Notifications => _core.Seed(() => _notifications.ToList());

    private Task<MdmActionResult> Act(string deviceId, MdmAction action, string idempotencyKey, Func<MdmDevice, MdmDevice> change, CancellationToken ct) =>
        _devices.ChangeAsync(deviceId, action.ToString(), idempotencyKey, change,
            _ => new MdmActionResult(deviceId, action, MdmActionStatus.Completed, _core.Time.GetUtcNow()), ct);

    // Called under the core's lock. A device enrolled again (after a wipe or retirement) keeps its id.
    private MdmDevice Enroll(MdmEnrollmentRequest request, bool activationLocked)
    {
        var known = _devices.All.FirstOrDefault(d =>
            Same(d.Imei, request.Imei) || Same(d.SerialNumber, request.SerialNumber));
        var device = new MdmDevice(
            known?.Id ?? Guid.NewGuid().ToString(),
            request.Imei ?? known?.Imei,
            request.SerialNumber ?? known?.SerialNumber,
            string.IsNullOrEmpty(request.UserPrincipalName) ? null : request.UserPrincipalName,
            MdmDeviceState.Active,
            activationLocked,
            _profile,
            _core.Time.GetUtcNow());
        return _devices.Store(device);
    }

    private static bool Same(string? known, string? asked) =>
        !string.IsNullOrWhiteSpace(asked) && string.Equals(known, asked, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A notification the simulated MDM has sent, and when.</summary>
public sealed record SentNotification(MdmNotification Notification, DateTimeOffset At);
