using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

/// <summary>The switchboard through the region's contract, docs/telephony-api.yaml (paths relative to <c>Rest:BaseAddress</c>).</summary>
internal sealed class HttpTelephonyClient(HttpClient http, TimeProvider time, ILogger<HttpTelephonyClient> logger) : ITelephonyClient
{
    private readonly SupplierApi _api = new(http, AdapterSystems.Telephony, time, logger);

    public Task<Extension> CreateExtensionAsync(ExtensionRequest request, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Extension>("extensions", request, idempotencyKey, ct);

    public Task<Extension> MoveExtensionAsync(string extensionId, ExtensionHolder newHolder, string idempotencyKey, CancellationToken ct = default) =>
        _api.PostAsync<Extension>($"{Path(extensionId)}/move", new MoveRequest(newHolder), idempotencyKey, ct);

    public Task<Extension> RemoveExtensionAsync(string extensionId, string idempotencyKey, CancellationToken ct = default) =>
        _api.DeleteAsync<Extension>(Path(extensionId), idempotencyKey, ct);

    public Task<Extension?> GetExtensionAsync(string extensionId, CancellationToken ct = default) =>
        _api.GetAsync<Extension>(Path(extensionId), ct);

    private static string Path(string extensionId) => $"extensions/{SupplierApi.Segment(extensionId)}";

    private sealed record MoveRequest(ExtensionHolder Holder);
}
