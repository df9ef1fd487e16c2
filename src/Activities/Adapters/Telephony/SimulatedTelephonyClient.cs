using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

/// <summary>A switchboard in memory, the embedded default: numbers from 14701 up, the refusals of docs/telephony-api.yaml.</summary>
public sealed class SimulatedTelephonyClient : ITelephonyClient
{
    private const int FirstNumber = 14700;
    private readonly SimulatorCore _core;
    private readonly Dictionary<string, Extension> _extensions = new(StringComparer.Ordinal);
    private int _issued;

    public SimulatedTelephonyClient(IOptions<TelephonyOptions> options, TimeProvider time) =>
        _core = new SimulatorCore(AdapterSystems.Telephony, options.Value.Simulator, time);

    /// <summary>Puts an extension into the simulator (tests and demos).</summary>
    public Extension SeedExtension(ExtensionRequest request) => _core.Seed(() => Store(Create(request)));

    public Task<Extension> CreateExtensionAsync(ExtensionRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Holder.UnitId))
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, "An extension needs a unit.");
        return _core.MutateAsync("create", idempotencyKey, () => Store(Create(request)), ct);
    }

    public Task<Extension> MoveExtensionAsync(string extensionId, ExtensionHolder newHolder, string idempotencyKey, CancellationToken ct = default) =>
        Change(extensionId, "move", idempotencyKey, e => e with { Holder = newHolder }, ct);

    public Task<Extension> RemoveExtensionAsync(string extensionId, string idempotencyKey, CancellationToken ct = default) =>
        Change(extensionId, "remove", idempotencyKey, e => e with { Status = ExtensionStatus.Removed }, ct);

    public Task<Extension?> GetExtensionAsync(string extensionId, CancellationToken ct = default) =>
        _core.ReadAsync(() => _extensions.GetValueOrDefault(extensionId), ct);

    private Task<Extension> Change(string id, string operation, string idempotencyKey, Func<Extension, Extension> change, CancellationToken ct) =>
        _core.MutateAsync(operation, idempotencyKey, () =>
        {
            var extension = _extensions.GetValueOrDefault(id) ?? throw _core.NotFound("extension");
            if (extension.Status == ExtensionStatus.Removed)
                throw _core.Refuse(AdapterErrorCodes.ExtensionRemoved, "The extension has been removed.");
            return Store(change(extension));
        }, ct);

    // Called under the core's lock.
    private Extension Create(ExtensionRequest request)
    {
        var n = ++_issued;
        return new Extension($"ext-{n:D6}", (FirstNumber + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExtensionStatus.Active, request.Holder, request.MobileNumber);
    }

    private Extension Store(Extension extension) => _extensions[extension.Id] = extension;
}
