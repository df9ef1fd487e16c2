namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>
/// Devices: what the API and the workflow activities call. Changes need ServiceCenter or admin (activities
/// pass <see cref="RegisterUser.System"/>); an optional <c>operationKey</c> makes a change idempotent: a
/// repeated key returns the first call's result and changes nothing. Reads only show what the caller may see;
/// an unknown or invisible id is <see cref="RegisterNotFoundException"/> alike.
/// </summary>
public interface IDeviceRegister
{
    Task<IReadOnlyList<DeviceView>> ListAsync(RegisterUser user, DeviceQuery query, CancellationToken ct = default);

    /// <summary>The device with its assignment history, newest first.</summary>
    Task<DeviceView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default);

    /// <summary>Registers a new (e.g. procured) device, in stock.</summary>
    Task<DeviceView> RegisterAsync(RegisterUser user, NewDevice device, string? operationKey = null, CancellationToken ct = default);

    /// <exception cref="RegisterTransitionException">Not allowed from the current status; lists the allowed ones.</exception>
    Task<DeviceView> SetStatusAsync(RegisterUser user, Guid id, DeviceStatus status, string? reason, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Takes a device of the type (and model, if given) from stock, never from the loan pool.</summary>
    Task<ReservationResult> ReserveFromStockAsync(RegisterUser user, DeviceType type, string? model = null,
        string? operationKey = null, CancellationToken ct = default);

    /// <summary>Hands an enrolled (or assigned, or repaired) device to a person, closing the previous assignment.</summary>
    Task<DeviceView> AssignAsync(RegisterUser user, Guid id, string employeeId, string? operationKey = null, CancellationToken ct = default);

    Task<DeviceView> MarkReturnedAsync(RegisterUser user, Guid id, string? reason, string? operationKey = null, CancellationToken ct = default);

    Task<DeviceView> RecordMdmAsync(RegisterUser user, Guid id, MdmReport report, string? operationKey = null, CancellationToken ct = default);

    /// <summary>
    /// Records an MDM enrolment: what the MDM reports, and a reserved device moves to Enrolled (one the supplier enrolled
    /// is Enrolled already, an assigned one enrolled again stays assigned). One change, audited as "Enrolled".
    /// </summary>
    Task<DeviceView> RecordEnrolmentAsync(RegisterUser user, Guid id, MdmReport report, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Devices currently assigned to the person (for workflows; no access check).</summary>
    Task<IReadOnlyList<DeviceView>> DevicesOfPersonAsync(string employeeId, CancellationToken ct = default);
}
