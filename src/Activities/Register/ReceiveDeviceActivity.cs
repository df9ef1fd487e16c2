using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Registers a procured device (bought, today) as Reserved, or Enrolled when the supplier enrolled it in MDM, and records
/// it on the order. Its IMEI, serial and model come from a person's task form (or the supplier's message), so a value
/// the register refuses (IMEI failing the Luhn check, a duplicate IMEI) is BPMN error <c>invalid-device</c> a model can
/// catch to ask again; the shipped models do not catch it yet, so there it becomes an incident.
/// </summary>
[Activity("Register.ReceiveDevice", Category = "Register", DisplayNameSv = "Registrera inköpt enhet", DisplayNameEn = "Receive device",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Registrerar en inköpt enhet som reserverad (inskriven i MDM om leverantören gjort det). BPMN-fel invalid-device vid felaktigt IMEI.",
    DescriptionEn = "Registers a procured device as reserved (enrolled when the supplier did it). BPMN error invalid-device for a bad IMEI.")]
[ActivityInput("imei", ActivityValueType.String, Required = true, DescriptionSv = "IMEI (15 siffror)", DescriptionEn = "IMEI (15 digits)")]
[ActivityInput("model", ActivityValueType.String, Required = true, DescriptionSv = "Modell", DescriptionEn = "Model")]
[ActivityInput("deviceType", ActivityValueType.String, Required = true, Choices = ["Phone", "Tablet", "DataOnlyPhone"],
    DescriptionSv = "Typ", DescriptionEn = "Type")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityInput("serial", ActivityValueType.String, DescriptionSv = "Serienummer", DescriptionEn = "Serial number")]
[ActivityInput("orderId", ActivityValueType.String, DescriptionSv = "Beställningens id", DescriptionEn = "The order's id")]
[ActivityInput("enrolledBySupplier", ActivityValueType.Boolean, DescriptionSv = "Leverantören har skrivit in den i MDM", DescriptionEn = "The supplier enrolled it in MDM")]
[ActivityOutput("deviceId", ActivityValueType.String, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
public sealed class ReceiveDeviceActivity(IDeviceRegister devices, IDeviceOrders orders, TimeProvider time) : IActivity
{
    public const string InvalidDevice = "invalid-device";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var type = context.Physical("deviceType");
        context.RequiredString("employeeId");
        var status = context.OptionalBool("enrolledBySupplier") ? DeviceStatus.Enrolled : DeviceStatus.Reserved;
        var purchased = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var device = new NewDevice(context.RequiredString("imei"), context.OptionalString("serial"), context.RequiredString("model"), type,
            PurchaseDate: purchased, Status: status);
        DeviceView registered;
        try
        {
            registered = await devices.RegisterAsync(RegisterUser.System, device, context.OperationKey("register"), ct);
        }
        catch (Exception e) when (e is RegisterValidationException or RegisterConflictException)
        {
            throw new BpmnErrorException(InvalidDevice, e.Message);
        }
        if (context.OptionalGuid("orderId") is { } orderId)
            await orders.AttachDeviceAsync(RegisterUser.System, orderId, registered.Id, context.OperationKey("order"), ct);
        return ActivityInputs.Outputs(("deviceId", registered.Id)) with { JournalNote = $"Device {registered.Id} received ({registered.Status})" };
    }
}
