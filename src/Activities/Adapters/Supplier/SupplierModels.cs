namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

// These records are also the wire format of docs/supplier-api.yaml (camelCase JSON, enums as camelCase strings,
// dates as yyyy-MM-dd).

/// <summary>What the region orders; the names match the register's device types, so the workflow's value passes through.</summary>
public enum SupplierDeviceType { Phone, Tablet, DataOnlyPhone }

public enum SupplierOrderStatus
{
    /// <summary>Accepted; the supplier procures the device and pre-configures it for the region's MDM.</summary>
    Placed,
    /// <summary>On its way; too late to cancel.</summary>
    Shipped,
    /// <summary>Handed over to the employee; the order carries the device's IMEI, serial and model. Final.</summary>
    Delivered,
    Cancelled,
}

public sealed record DeliveryAddress(string Street, string PostalCode, string City);

/// <summary>
/// Who the device is for: the employee's HSA-id, and where it goes. Name, unit and address are optional: without
/// them the supplier delivers to the employee's workplace as the national HSA directory lists it.
/// </summary>
public sealed record SupplierOrderHolder(string EmployeeId, string? Name = null, string? UnitId = null, DeliveryAddress? DeliveryAddress = null);

/// <param name="OrderId">The region's order id (the register's), so both sides can reconcile.</param>
/// <param name="PreconfigureMdm">The supplier registers the device for the region's automatic enrolment before it ships (Alt 3).</param>
public sealed record SupplierOrderRequest(string OrderId, SupplierOrderHolder Holder, SupplierDeviceType DeviceType, bool PreconfigureMdm = true);

/// <param name="Imei">15 digits, the last a Luhn check digit.</param>
public sealed record DeliveredDevice(string Imei, string Serial, string Model);

/// <param name="Id">The supplier's id of the order: the correlation key of message <c>supplier-delivered</c>.</param>
/// <param name="Device">Set once the order is delivered.</param>
public sealed record SupplierOrder(
    string Id,
    string OrderId,
    SupplierDeviceType DeviceType,
    SupplierOrderStatus Status,
    DateOnly ExpectedDelivery,
    DeliveredDevice? Device = null);
