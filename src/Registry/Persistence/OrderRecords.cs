using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>A row of DeviceOrders: what was asked for whom, who pays, and how it ended.</summary>
internal sealed class DeviceOrderRecord
{
    public Guid Id { get; set; }
    public required string EmployeeId { get; set; }
    public OrderedDeviceType DeviceType { get; set; }
    public required string Reason { get; set; }
    public bool UnderRollout { get; set; }
    public string? Payer { get; set; }
    public string? CostCenter { get; set; }
    public DeviceOrderStatus Status { get; set; }
    /// <summary>The device reserved or received for the order, once there is one.</summary>
    public Guid? DeviceId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
