namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

/// <summary>
/// The switchboard (contract: docs/telephony-api.yaml). Every change takes the job's idempotency key: a repeat
/// with the same key returns the first result and changes nothing. Refusals throw
/// <see cref="AdapterRejectedException"/> (e.g. <see cref="AdapterErrorCodes.ExtensionRemoved"/>), outages
/// <see cref="AdapterUnavailableException"/>. Every call returns the extension as it is afterwards.
/// </summary>
public interface ITelephonyClient
{
    /// <summary>A new extension (<i>anknytning</i>) for a person or a unit's function; the switchboard picks the number.</summary>
    Task<Extension> CreateExtensionAsync(ExtensionRequest request, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Gives the extension, number unchanged, to another person and/or unit.</summary>
    Task<Extension> MoveExtensionAsync(string extensionId, ExtensionHolder newHolder, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Removes the extension; its number goes back to the switchboard's pool. Final.</summary>
    Task<Extension> RemoveExtensionAsync(string extensionId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>The extension, or null when the switchboard does not know it.</summary>
    Task<Extension?> GetExtensionAsync(string extensionId, CancellationToken ct = default);
}
