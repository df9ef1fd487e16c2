using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>Locks a lost or unreturned device remotely; the register notes the MDM state Locked.</summary>
[Activity("Mdm.LockDevice", Category = "Mdm", DisplayNameSv = "Lås enheten", DisplayNameEn = "Lock device",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Låser enheten via MDM (förlorad eller inte återlämnad). BPMN-fel mdm-rejected när MDM inte känner enheten.",
    DescriptionEn = "Locks the device through MDM (lost or not returned). BPMN error mdm-rejected when the MDM does not know the device.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
public sealed class LockDeviceActivity(IMdmClient mdm, IDeviceRegister devices) : MdmDeviceActivity(mdm, devices)
{
    protected override string Action => "lock";

    protected override MdmReport Report { get; } = new(MdmState.Locked, null, null);

    protected override Task<MdmActionResult> SendAsync(IMdmClient client, string mdmDeviceId, string idempotencyKey, CancellationToken ct) =>
        client.LockDeviceAsync(mdmDeviceId, idempotencyKey, ct);
}
