using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>
/// Factory-resets a device through MDM. A returned device becomes Wiped (ready for restocking); a device in any
/// other status keeps it: a lost or unreturned device is wiped remotely but is still Lost or still held.
/// </summary>
[Activity("Mdm.WipeDevice", Category = "Mdm", DisplayNameSv = "Rensa enheten", DisplayNameEn = "Wipe device",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Fabriksåterställer enheten via MDM; en återlämnad enhet blir Rensad. BPMN-fel mdm-rejected när MDM inte känner enheten.",
    DescriptionEn = "Factory-resets the device through MDM; a returned device becomes Wiped. BPMN error mdm-rejected when the MDM does not know the device.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
public sealed class WipeDeviceActivity(IMdmClient mdm, IDeviceRegister devices) : MdmDeviceActivity(mdm, devices)
{
    protected override string Action => "wipe";

    protected override MdmReport Report { get; } = new(MdmState.Wiped, null, null);

    protected override Task<MdmActionResult> SendAsync(IMdmClient client, string mdmDeviceId, string idempotencyKey, CancellationToken ct) =>
        client.WipeDeviceAsync(mdmDeviceId, idempotencyKey, ct);

    // The status read before the call: on a rerun after the move it is Wiped already, and nothing moves twice.
    protected override async Task AfterAsync(IDeviceRegister register, DeviceView device, ActivityContext context, CancellationToken ct)
    {
        if (device.Status == DeviceStatus.Returned)
            await register.SetStatusAsync(RegisterUser.System, device.Id, DeviceStatus.Wiped, "Rensad i MDM", context.RegisterKey("status"), ct);
    }
}
