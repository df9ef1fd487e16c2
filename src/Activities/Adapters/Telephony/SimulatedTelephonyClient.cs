using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

/// <summary>A switchboard in memory, the embedded default: numbers from 14701 up, the refusals of docs/telephony-api.yaml.</summary>
public sealed class SimulatedTelephonyClient : ITelephonyClient
{
    private const int FirstNumber = 14700;
    private readonly SimulatorCore _core;
    private readonly SimulatedRecords<Extension> _extensions;
    private int _issued;

    public SimulatedTelephonyClient(IOptions<TelephonyOptions> options, TimeProvider time)
    {
        _core = new SimulatorCore(AdapterSystems.Telephony, options.Value.Simulator, time);
        _extensions = new SimulatedRecords<Extension>(_core, "extension", e => e.Id, e => e.Status == ExtensionStatus.Removed
            ? _core.Refuse(AdapterErrorCodes.ExtensionRemoved, "The extension has been removed.")
            : null);
    }

    /// <summary>Puts an extension into the simulator (tests and demos).</summary>
    public Extension SeedExtension(ExtensionRequest request) => _core.Seed(() => _extensions.Store(Create(request)));

    /// <summary>Puts an extension into the simulator with the id and number it has elsewhere (the register).</summary>
    public Extension SeedExtension(string id, string number, ExtensionRequest request) =>
        _core.Seed(() => _extensions.Store(Create(request) with { Id = id, Number = number }));

    public Task<Extension> CreateExtensionAsync(ExtensionRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Holder.UnitId))
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, "An extension needs a unit.");
        return _core.MutateAsync("create", idempotencyKey, () => _extensions.Store(Create(request)), ct);
    }

    public Task<Extension> MoveExtensionAsync(string extensionId, ExtensionHolder newHolder, string idempotencyKey, CancellationToken ct = default) =>
        _extensions.ChangeAsync(extensionId, "move", idempotencyKey, e => e with { Holder = newHolder }, ct);

    public Task<Extension> RemoveExtensionAsync(string extensionId, string idempotencyKey, CancellationToken ct = default) =>
        _extensions.ChangeAsync(extensionId, "remove", idempotencyKey, e => e with { Status = ExtensionStatus.Removed }, ct);

    public Task<Extension?> GetExtensionAsync(string extensionId, CancellationToken ct = default) =>
        _extensions.GetAsync(extensionId, ct);

    // Called under the core's lock.
    private Extension Create(ExtensionRequest request)
    {
        var n = ++_issued;
        return new Extension($"ext-{n:D6}", (FirstNumber + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExtensionStatus.Active, request.Holder, request.MobileNumber);
    }

}
