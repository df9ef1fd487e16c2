using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>Hands the device to the person: Enrolled → Assigned, opening the assignment.</summary>
[Activity("Register.AssignDevice", Category = "Register", DisplayNameSv = "Tilldela enhet", DisplayNameEn = "Assign device",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Tilldelar medarbetaren enheten (inskriven → tilldelad).", DescriptionEn = "Assigns the device to the employee (enrolled → assigned).")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
public sealed class AssignDeviceActivity(IDeviceRegister devices) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.AssignAsync(RegisterUser.System, context.RequiredGuid("deviceId"), context.RequiredString("employeeId"),
            context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Device {device.Id} assigned to {device.AssignedToEmployeeId}" };
    }
}
