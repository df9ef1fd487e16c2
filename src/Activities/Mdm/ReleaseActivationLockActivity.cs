using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>Clears the activation lock of a returned device so it can be set up again; the register notes it Off.</summary>
[Activity("Mdm.ReleaseActivationLock", Category = "Mdm", DisplayNameSv = "Frigör aktiveringslås", DisplayNameEn = "Release activation lock",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Tar bort aktiveringslåset via MDM så att enheten kan återanvändas. BPMN-fel mdm-rejected när MDM inte känner enheten.",
    DescriptionEn = "Clears the activation lock through MDM so the device can be reused. BPMN error mdm-rejected when the MDM does not know the device.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
public sealed class ReleaseActivationLockActivity(IMdmClient mdm, IDeviceRegister devices) : MdmDeviceActivity(mdm, devices)
{
    protected override string Action => "release the activation lock of";

    protected override MdmReport Report { get; } = new(null, null, ActivationLock.Off);

    protected override Task<MdmActionResult> SendAsync(IMdmClient client, string mdmDeviceId, string idempotencyKey, CancellationToken ct) =>
        client.ReleaseActivationLockAsync(mdmDeviceId, idempotencyKey, ct);
}
