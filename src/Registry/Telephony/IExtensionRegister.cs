namespace RJH.DeviceWorkflows.Registry.Telephony;

/// <summary>Extension (<i>anknytning</i>) records of the switchboard; same rules as the other register services.</summary>
public interface IExtensionRegister
{
    Task<IReadOnlyList<ExtensionView>> ListAsync(RegisterUser user, ExtensionStatus? status, string? text, CancellationToken ct = default);

    Task<ExtensionView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default);

    /// <exception cref="RegisterConflictException">The number is active on the same switchboard already.</exception>
    Task<ExtensionView> CreateAsync(RegisterUser user, NewExtension extension, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Links the extension to another person and/or device.</summary>
    Task<ExtensionView> MoveAsync(RegisterUser user, Guid id, Holder holder, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Removed (the only change of status): unlinks it from its holder.</summary>
    Task<ExtensionView> SetStatusAsync(RegisterUser user, Guid id, ExtensionStatus status, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>The person's active extension, if any (for workflows; no access check).</summary>
    Task<ExtensionView?> ExtensionOfAsync(string employeeId, CancellationToken ct = default);
}
