using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Records a device order and its financing (payer and cost centre from the financing decision) in the register.
/// A person has one open order at a time: a second is BPMN error <c>order-exists</c>, so a double-clicked order ends
/// instead of buying two phones.
/// </summary>
[Activity("Register.OpenOrder", Category = "Register", DisplayNameSv = "Registrera beställning", DisplayNameEn = "Open order",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Registrerar beställningen och vem som betalar. BPMN-fel order-exists när personen redan har en öppen beställning.",
    DescriptionEn = "Records the order and who pays for it. BPMN error order-exists when the person already has an open order.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityInput("deviceType", ActivityValueType.String, Required = true, Choices = ["Phone", "Tablet", "DataOnlyPhone"],
    DescriptionSv = "Beställd typ", DescriptionEn = "Ordered type")]
[ActivityInput("reason", ActivityValueType.String, Choices = ["New", "Replacement", "Loss"], DescriptionSv = "Skäl (standard: New)", DescriptionEn = "Reason (default: New)")]
[ActivityInput("underRollout", ActivityValueType.Boolean, DescriptionSv = "Del av utrullning", DescriptionEn = "Part of a rollout")]
[ActivityInput("payer", ActivityValueType.String, DescriptionSv = "Vem som betalar (finansieringsbeslutet)", DescriptionEn = "Who pays (the financing decision)")]
[ActivityInput("costCenter", ActivityValueType.String, DescriptionSv = "Kostnadsställe", DescriptionEn = "Cost centre")]
[ActivityOutput("orderId", ActivityValueType.String, DescriptionSv = "Beställningens id", DescriptionEn = "The order's id")]
public sealed class OpenOrderActivity(IDeviceOrders orders) : IActivity
{
    public const string OrderExists = "order-exists";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var order = new NewDeviceOrder(context.RequiredString("employeeId"), context.RequiredEnum<OrderedDeviceType>("deviceType"),
            context.OptionalString("reason") ?? "New", context.OptionalBool("underRollout"), context.OptionalString("payer"),
            context.OptionalString("costCenter"));
        var opening = await orders.OpenAsync(RegisterUser.System, order, context.IdempotencyKey, ct);
        if (opening.AlreadyOpen)
            throw new BpmnErrorException(OrderExists, $"Employee {order.EmployeeId} already has the open order {opening.Order.Id}.");
        return ActivityInputs.Outputs(("orderId", opening.Order.Id)) with { JournalNote = $"Order {opening.Order.Id} opened" };
    }
}
