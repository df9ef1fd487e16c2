namespace RJH.DeviceWorkflows.Registry.Orders;

/// <summary>
/// Device orders as the ordering workflow records them: one open order per person at a time, its financing
/// (payer, cost centre) and its outcome. Writers are ServiceCenter and admin (workflows pass
/// <see cref="RegisterUser.System"/>); <c>operationKey</c> makes a change idempotent like the other register services.
/// </summary>
public interface IDeviceOrders
{
    Task<DeviceOrderView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default);

    /// <summary>Opens the order, or answers the person's order that is already open (<see cref="OrderOpening.AlreadyOpen"/>), changing nothing.</summary>
    Task<OrderOpening> OpenAsync(RegisterUser user, NewDeviceOrder order, string? operationKey = null, CancellationToken ct = default);

    /// <exception cref="RegisterTransitionException">The order is closed already.</exception>
    Task<DeviceOrderView> CloseAsync(RegisterUser user, Guid id, DeviceOrderStatus outcome, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Records the device reserved or received for an open order.</summary>
    Task<DeviceOrderView> AttachDeviceAsync(RegisterUser user, Guid id, Guid deviceId, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Which of these people have an open order (for workflows; no access check).</summary>
    Task<IReadOnlySet<string>> WithOpenOrderAsync(IEnumerable<string> employeeIds, CancellationToken ct = default);
}

/// <summary>The requested type: the policy's names, where a data-only phone is a phone with a data subscription.</summary>
public enum OrderedDeviceType { Phone, Tablet, DataOnlyPhone }

public enum DeviceOrderStatus { Open, Delivered, Rejected, Withdrawn }

/// <param name="Reason">New, Replacement or Loss (the policy facts' names).</param>
/// <param name="Payer">The financing decision's outcome; <paramref name="CostCenter"/> when a unit pays.</param>
public sealed record NewDeviceOrder(string EmployeeId, OrderedDeviceType DeviceType, string Reason, bool UnderRollout = false,
    string? Payer = null, string? CostCenter = null);

public sealed record DeviceOrderView(Guid Id, string EmployeeId, OrderedDeviceType DeviceType, string Reason, bool UnderRollout,
    string? Payer, string? CostCenter, DeviceOrderStatus Status, Guid? DeviceId, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <param name="AlreadyOpen">True when <paramref name="Order"/> is the person's earlier open order and nothing was opened.</param>
public sealed record OrderOpening(DeviceOrderView Order, bool AlreadyOpen);
