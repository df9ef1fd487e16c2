using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>
/// A command the MDM carries out on a device it manages (lock, wipe, retire, activation-lock release): finds the
/// MDM's id of the register's device, sends the command, records what it changed. Subclasses say which command
/// and what the register learns from it.
/// </summary>
public abstract class MdmDeviceActivity(IMdmClient mdm, IDeviceRegister devices) : IActivity
{
    /// <summary>Verb for messages and the journal, e.g. "wipe".</summary>
    protected abstract string Action { get; }

    /// <summary>What the register records about the device once the MDM accepted the command.</summary>
    protected abstract MdmReport Report { get; }

    protected abstract Task<MdmActionResult> SendAsync(IMdmClient client, string mdmDeviceId, string idempotencyKey, CancellationToken ct);

    /// <summary>A change of the device's own status that follows the command (wipe); none by default.</summary>
    protected virtual Task AfterAsync(IDeviceRegister register, DeviceView device, ActivityContext context, CancellationToken ct) =>
        Task.CompletedTask;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.GetAsync(RegisterUser.System, context.RequiredGuid("deviceId"), ct);
        var what = $"{Action} device {device.Id}";
        var mdmDeviceId = device.MdmDeviceId ?? throw ExternalCall.Unknown(AdapterSystems.Mdm, what);
        var result = await ExternalCall.RunAsync(what, () => SendAsync(mdm, mdmDeviceId, context.IdempotencyKey, ct));
        await devices.RecordMdmAsync(RegisterUser.System, device.Id, Report, context.RegisterKey("record"), ct);
        await AfterAsync(devices, device, context, ct);
        return ActivityInputs.Outputs().Noted($"MDM: {what} (MDM device {mdmDeviceId}): {result.Status}.");
    }
}
