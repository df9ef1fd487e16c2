using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Reads a device and its subscription. When <c>employeeId</c> is given the device must be assigned to that person:
/// someone reporting another person's device is BPMN error <c>not-owner</c>. An unknown device id is a technical failure.
/// </summary>
[Activity("Register.DescribeDevice", Category = "Register", DisplayNameSv = "Hämta enhet", DisplayNameEn = "Describe device",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Läser mobilenheten och dess abonnemang; kontrollerar att den tillhör medarbetaren.",
    DescriptionEn = "Reads the device and its subscription; checks that it belongs to the employee.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
[ActivityInput("employeeId", ActivityValueType.String, DescriptionSv = "Medarbetaren som ska ha enheten", DescriptionEn = "The employee who should hold it")]
[ActivityOutput("device", ActivityValueType.Object, DescriptionSv = "{id, type, model, status, subscriptionId}", DescriptionEn = "{id, type, model, status, subscriptionId}")]
public sealed class DescribeDeviceActivity(IDeviceRegister devices, ISubscriptionRegister subscriptions) : IActivity
{
    public const string NotOwner = "not-owner";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.GetAsync(RegisterUser.System, context.RequiredGuid("deviceId"), ct);
        if (context.OptionalString("employeeId") is { } employeeId && device.AssignedToEmployeeId != employeeId)
            throw new BpmnErrorException(NotOwner, $"Device {device.Id} is not assigned to employee {employeeId}.");
        var subscription = await subscriptions.ActiveOfAsync(null, device.Id, ct);
        return ActivityInputs.Outputs(("device", new { device.Id, device.Type, device.Model, device.Status, subscriptionId = subscription?.Id }));
    }
}
