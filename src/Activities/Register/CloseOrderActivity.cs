using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>Closes an open order with its outcome; closing a closed order is a technical failure (the model ran a path twice).</summary>
[Activity("Register.CloseOrder", Category = "Register", DisplayNameSv = "Avsluta beställning", DisplayNameEn = "Close order",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Avslutar beställningen: levererad, avslagen eller återtagen.", DescriptionEn = "Closes the order: delivered, rejected or withdrawn.")]
[ActivityInput("orderId", ActivityValueType.String, Required = true, DescriptionSv = "Beställningens id", DescriptionEn = "The order's id")]
[ActivityInput("outcome", ActivityValueType.String, Required = true, Choices = ["Delivered", "Rejected", "Withdrawn"],
    DescriptionSv = "Utfall", DescriptionEn = "Outcome")]
public sealed class CloseOrderActivity(IDeviceOrders orders) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var order = await orders.CloseAsync(RegisterUser.System, context.RequiredGuid("orderId"),
            context.RequiredEnum<DeviceOrderStatus>("outcome"), context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Order {order.Id} {order.Status}" };
    }
}
