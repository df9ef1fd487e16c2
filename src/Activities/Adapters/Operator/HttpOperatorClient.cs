using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

/// <summary>The operator through the region's contract, docs/operator-api.yaml (paths relative to <c>Rest:BaseAddress</c>).</summary>
internal sealed class HttpOperatorClient(HttpClient http, TimeProvider time, ILogger<HttpOperatorClient> logger) : IOperatorClient
{
    private readonly SupplierApi _api = new(http, AdapterSystems.Operator, time, logger);

    public Task<Subscription> OrderSubscriptionAsync(SubscriptionOrder order, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Subscription>("subscriptions", order, idempotencyKey, ct);

    public Task<Subscription> ActivateSimAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Subscription>($"{Path(subscriptionId)}/sim/activate", null, idempotencyKey, ct);

    public Task<Subscription> BlockSimAsync(string subscriptionId, SimBlockReason reason, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Subscription>($"{Path(subscriptionId)}/sim/block", new BlockSimRequest(reason), idempotencyKey, ct);

    public Task<Subscription> TerminateSubscriptionAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Subscription>($"{Path(subscriptionId)}/terminate", null, idempotencyKey, ct);

    public Task<Subscription> TransferSubscriptionAsync(string subscriptionId, SubscriptionHolder newHolder, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Subscription>($"{Path(subscriptionId)}/transfer", new TransferRequest(newHolder), idempotencyKey, ct);

    public Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken ct = default) =>
        _api.GetAsync<Subscription>(Path(subscriptionId), ct);

    private static string Path(string subscriptionId) => $"subscriptions/{SupplierApi.Segment(subscriptionId)}";

    private sealed record BlockSimRequest(SimBlockReason Reason);

    private sealed record TransferRequest(SubscriptionHolder Holder);
}
