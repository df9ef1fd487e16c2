namespace RJH.DeviceWorkflows.Registry.Telephony;

/// <summary>
/// Subscription records (the operator does the real work; workflows record what it did). Same rules as
/// <see cref="Devices.IDeviceRegister"/>: writers are ServiceCenter and admin, <c>operationKey</c> makes a change idempotent.
/// </summary>
public interface ISubscriptionRegister
{
    Task<IReadOnlyList<SubscriptionView>> ListAsync(RegisterUser user, SubscriptionStatus? status, string? text, CancellationToken ct = default);

    Task<SubscriptionView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default);

    /// <exception cref="RegisterValidationException">Not a Swedish mobile number, or an unknown person or device.</exception>
    /// <exception cref="RegisterConflictException">The number belongs to a subscription that is not terminated.</exception>
    Task<SubscriptionView> CreateAsync(RegisterUser user, NewSubscription subscription, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Activate, block or terminate (a terminated one is unlinked from its holder).</summary>
    Task<SubscriptionView> SetStatusAsync(RegisterUser user, Guid id, SubscriptionStatus status, string? operationKey = null,
        CancellationToken ct = default);

    Task<SubscriptionView> TransferAsync(RegisterUser user, Guid id, Holder holder, string? operationKey = null, CancellationToken ct = default);

    /// <summary>The person's or the device's subscription that is not terminated, if any (for workflows; no access check).</summary>
    Task<SubscriptionView?> ActiveOfAsync(string? employeeId, Guid? deviceId, CancellationToken ct = default);
}
