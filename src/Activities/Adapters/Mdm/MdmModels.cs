namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <param name="Imei">IMEI, digits only; at least one of IMEI and serial number.</param>
/// <param name="UserPrincipalName">The user's region account (user principal name, usually the e-mail address).</param>
public sealed record MdmEnrollmentRequest(string? Imei, string? SerialNumber, string UserPrincipalName);

public enum MdmEnrollmentStatus
{
    /// <summary>Known to the MDM, assigned to the user, profile applied.</summary>
    Enrolled,
    /// <summary>Not yet seen by the MDM: ask again after the device has been switched on.</summary>
    Pending,
}

/// <param name="DeviceId">The MDM's id of the device; null while <see cref="MdmEnrollmentStatus.Pending"/>.</param>
public sealed record MdmEnrollment(MdmEnrollmentStatus Status, string? DeviceId);

public enum MdmAction { Lock, Wipe, Retire, ReleaseActivationLock }

public enum MdmActionStatus
{
    /// <summary>The MDM has queued the command; the device carries it out when it next checks in (Intune).</summary>
    Accepted,
    /// <summary>Done (the simulator).</summary>
    Completed,
}

public sealed record MdmActionResult(string DeviceId, MdmAction Action, MdmActionStatus Status, DateTimeOffset RequestedAt);

public enum MdmDeviceState { Active, Locked, Wiped, Retired }

/// <param name="LastCheckIn">When the device last talked to the MDM; null if never.</param>
public sealed record MdmDevice(
    string Id,
    string? Imei,
    string? SerialNumber,
    string? UserPrincipalName,
    MdmDeviceState State,
    bool ActivationLocked,
    string? ConfigurationProfile,
    DateTimeOffset? LastCheckIn);
