using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary>The supplier through the region's contract, docs/supplier-api.yaml (paths relative to <c>Rest:BaseAddress</c>).</summary>
internal sealed class HttpSupplierClient(HttpClient http, TimeProvider time, ILogger<HttpSupplierClient> logger) : ISupplierClient
{
    private readonly SupplierApi _api = new(http, AdapterSystems.Supplier, time, logger);

    public Task<SupplierOrder> PlaceOrderAsync(SupplierOrderRequest request, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<SupplierOrder>("orders", request, idempotencyKey, ct);

    public Task<SupplierOrder?> GetOrderAsync(string supplierOrderId, CancellationToken ct = default) =>
        _api.GetAsync<SupplierOrder>(OrderPath(supplierOrderId), ct);

    public Task<SupplierOrder> CancelOrderAsync(string supplierOrderId, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<SupplierOrder>($"{OrderPath(supplierOrderId)}/cancel", null, idempotencyKey, ct);

    private static string OrderPath(string supplierOrderId) => $"orders/{SupplierApi.Segment(supplierOrderId)}";
}
