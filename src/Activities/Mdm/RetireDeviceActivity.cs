using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>Takes a device out of the region's management; the register notes the MDM state Removed (retired).</summary>
[Activity("Mdm.RetireDevice", Category = "Mdm", DisplayNameSv = "Ta bort ur MDM", DisplayNameEn = "Retire from MDM",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Tar bort regionens data och hantering från enheten. BPMN-fel mdm-rejected när MDM inte känner enheten.",
    DescriptionEn = "Removes the region's data and management from the device. BPMN error mdm-rejected when the MDM does not know the device.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
public sealed class RetireDeviceActivity(IMdmClient mdm, IDeviceRegister devices) : MdmDeviceActivity(mdm, devices)
{
    protected override string Action => "retire";

    protected override MdmReport Report { get; } = new(MdmState.Removed, null, null);

    protected override Task<MdmActionResult> SendAsync(IMdmClient client, string mdmDeviceId, string idempotencyKey, CancellationToken ct) =>
        client.RetireDeviceAsync(mdmDeviceId, idempotencyKey, ct);
}
