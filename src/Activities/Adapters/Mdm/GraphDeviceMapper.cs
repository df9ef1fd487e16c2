using Microsoft.Graph.Models;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>Intune's managedDevice as our <see cref="MdmDevice"/>.</summary>
internal static class GraphDeviceMapper
{
    public static MdmDevice ToMdmDevice(ManagedDevice device) => new(
        device.Id ?? "",
        Blank(device.Imei),
        Blank(device.SerialNumber),
        Blank(device.UserPrincipalName),
        State(device.ManagementState),
        // Graph v1.0 does not say whether the lock is on; Intune holds a bypass code only for supervised devices
        // whose lock it can clear. The code itself is a secret and is not passed on.
        !string.IsNullOrEmpty(device.ActivationLockBypassCode),
        Blank(device.EnrollmentProfileName),
        // Intune reports "never" as 0001-01-01.
        device.LastSyncDateTime is { Year: > 1 } seen ? seen : null);

    // Graph has no "locked" state: a remote lock leaves the device managed.
    private static MdmDeviceState State(ManagementState? state) => state switch
    {
        ManagementState.WipePending or ManagementState.WipeIssued => MdmDeviceState.Wiped,
        ManagementState.RetirePending or ManagementState.RetireIssued or ManagementState.DeletePending => MdmDeviceState.Retired,
        _ => MdmDeviceState.Active,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
