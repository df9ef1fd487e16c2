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

/// <summary>A Company Portal custom notification (Intune: title at most 50 characters, body at most 500).</summary>
/// <param name="GroupIds">The Entra ID groups whose members' devices get it.</param>
public sealed record MdmNotification(string Title, string Body, IReadOnlyList<string> GroupIds)
{
    public const int MaxTitleLength = 50;
    public const int MaxBodyLength = 500;

    /// <summary>Why the MDM would refuse it, or null when it is well formed.</summary>
    public string? Problem =>
        string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength ? $"A notification needs a title of 1 to {MaxTitleLength} characters."
        : string.IsNullOrWhiteSpace(Body) || Body.Length > MaxBodyLength ? $"A notification needs a text of 1 to {MaxBodyLength} characters."
        : GroupIds.Count == 0 || GroupIds.Any(string.IsNullOrWhiteSpace) ? "A notification needs at least one group."
        : null;
}

/// <param name="SentAt">When the MDM accepted it for delivery.</param>
public sealed record MdmNotificationResult(DateTimeOffset SentAt);
