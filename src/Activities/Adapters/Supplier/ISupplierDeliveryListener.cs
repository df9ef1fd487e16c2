using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary>
/// Hears that the supplier delivered an order. The real supplier calls the region's <c>POST /api/messages</c>
/// (docs/supplier-api.yaml, callback <c>orderDelivered</c>); the simulator calls every registered listener instead.
/// The host implements it by correlating <see cref="SupplierDeliveredMessage"/> with the engine.
/// </summary>
public interface ISupplierDeliveryListener
{
    /// <param name="order">A delivered order: <see cref="SupplierOrder.Device"/> is set.</param>
    Task DeliveredAsync(SupplierOrder order, CancellationToken ct);
}

/// <summary>The message a delivery becomes: what ordering-alt3.bpmn waits for, and the callback's body in the contract.</summary>
public static class SupplierDeliveredMessage
{
    public const string Name = "supplier-delivered";

    /// <summary>The correlation key is the supplier's order id (the workflow's <c>supplierOrderId</c>).</summary>
    public static string CorrelationKey(SupplierOrder order) => order.Id;

    public static JsonObject Variables(DeliveredDevice device) => new()
    {
        ["imei"] = device.Imei,
        ["serial"] = device.Serial,
        ["model"] = device.Model,
    };
}
