using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Any transition the device lifecycle allows (<see cref="DeviceLifecycle"/>). A forbidden one is a technical failure
/// whose message names the allowed ones: the model asked for something the register cannot do.
/// </summary>
[Activity("Register.SetDeviceStatus", Category = "Register", DisplayNameSv = "Sätt enhetens status", DisplayNameEn = "Set device status",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Byter enhetens status enligt livscykeln.", DescriptionEn = "Changes the device's status along its lifecycle.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
[ActivityInput("status", ActivityValueType.String, Required = true,
    Choices = ["InStock", "Reserved", "Enrolled", "Assigned", "InRepair", "Returned", "Wiped", "Retired", "Lost", "OnLoan"],
    DescriptionSv = "Ny status", DescriptionEn = "New status")]
[ActivityInput("reason", ActivityValueType.String, DescriptionSv = "Skäl", DescriptionEn = "Reason")]
public sealed class SetDeviceStatusActivity(IDeviceRegister devices) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.SetStatusAsync(RegisterUser.System, context.RequiredGuid("deviceId"), context.RequiredEnum<DeviceStatus>("status"),
            context.OptionalString("reason"), context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Device {device.Id} {device.Status}" };
    }
}
