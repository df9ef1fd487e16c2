namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary>
/// The device supplier of organisation model Alt 3 (contract: docs/supplier-api.yaml): it procures the device,
/// pre-configures it for the region's MDM and delivers it. Every change takes the job's idempotency key: a repeat
/// with the same key returns the first result and changes nothing. Refusals throw
/// <see cref="AdapterRejectedException"/>, outages <see cref="AdapterUnavailableException"/>. The delivery itself is
/// reported by the supplier (<see cref="ISupplierDeliveryListener"/>), not asked for.
/// </summary>
public interface ISupplierClient
{
    /// <summary>Places the order; answers with the supplier's order (<see cref="SupplierOrderStatus.Placed"/>).</summary>
    Task<SupplierOrder> PlaceOrderAsync(SupplierOrderRequest request, string idempotencyKey, CancellationToken ct = default);

    /// <summary>The order, or null when the supplier does not know it.</summary>
    Task<SupplierOrder?> GetOrderAsync(string supplierOrderId, CancellationToken ct = default);

    /// <summary>Cancels an order not yet shipped (<see cref="AdapterErrorCodes.OrderShipped"/> otherwise).</summary>
    Task<SupplierOrder> CancelOrderAsync(string supplierOrderId, string idempotencyKey, CancellationToken ct = default);
}
