using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>The person handed the device back: Assigned → Returned, closing the assignment.</summary>
[Activity("Register.MarkReturned", Category = "Register", DisplayNameSv = "Registrera återlämning", DisplayNameEn = "Mark returned",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Enheten är återlämnad; tilldelningen avslutas.", DescriptionEn = "The device is returned; the assignment ends.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
public sealed class MarkReturnedActivity(IDeviceRegister devices) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.MarkReturnedAsync(RegisterUser.System, context.RequiredGuid("deviceId"), "Återlämnad", context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Device {device.Id} returned" };
    }
}
