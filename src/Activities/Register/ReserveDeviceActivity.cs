using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Takes a device of the type from ordinary stock (never the loan pool): InStock → Reserved, and records it on the
/// order when one is given. A data-only phone is a phone. None in stock is no error: <c>deviceId</c> is null and the
/// model procures one.
/// </summary>
[Activity("Register.ReserveDevice", Category = "Register", DisplayNameSv = "Reservera från lager", DisplayNameEn = "Reserve from stock",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Reserverar en enhet av typen från lagret (inte lånepoolen); deviceId är null när inget finns.",
    DescriptionEn = "Reserves a device of the type from stock (not the loan pool); deviceId is null when there is none.")]
[ActivityInput("deviceType", ActivityValueType.String, Required = true, Choices = ["Phone", "Tablet", "DataOnlyPhone"],
    DescriptionSv = "Typ", DescriptionEn = "Type")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityInput("orderId", ActivityValueType.String, DescriptionSv = "Beställningens id", DescriptionEn = "The order's id")]
[ActivityOutput("deviceId", ActivityValueType.String, DescriptionSv = "Den reserverade enheten, eller null", DescriptionEn = "The reserved device, or null")]
public sealed class ReserveDeviceActivity(IDeviceRegister devices, IDeviceOrders orders) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var type = context.Physical("deviceType");
        context.RequiredString("employeeId");
        var reservation = await devices.ReserveFromStockAsync(RegisterUser.System, type, operationKey: context.OperationKey("reserve"), ct: ct);
        if (reservation.Device is not { } device)
            return ActivityInputs.Outputs(("deviceId", null)) with { JournalNote = $"No {type} in stock" };
        if (context.OptionalGuid("orderId") is { } orderId)
            await orders.AttachDeviceAsync(RegisterUser.System, orderId, device.Id, context.OperationKey("order"), ct);
        return ActivityInputs.Outputs(("deviceId", device.Id)) with { JournalNote = $"Device {device.Id} reserved" };
    }
}
