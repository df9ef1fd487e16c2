using System.Text.Json.Serialization;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>A device as the API and the workflows see it; <see cref="Assignments"/> only when one device is asked for.</summary>
public sealed record DeviceView(Guid Id, string? Imei, string? Serial, string Model, DeviceType Type, Ownership Ownership,
    DateOnly? PurchaseDate, decimal? PriceSek, MdmState MdmState, bool ManagedAccount, ActivationLock ActivationLock,
    DeviceStatus Status, string? StatusReason, string? UnitId, string? AssignedToEmployeeId, bool InLoanPool,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AssignmentView>? Assignments { get; init; }

    /// <summary>The MDM's own id of the device (set at enrolment), which its lock, wipe and retire commands need.</summary>
    public string? MdmDeviceId { get; init; }

    /// <summary>Where a loan-pool device is kept (<c>Register:LoanPool:Sites</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LoanPoolSite { get; init; }

    internal static DeviceView From(DeviceRecord d) => new(d.Id, d.Imei, d.Serial, d.Model, d.Type, d.Ownership, d.PurchaseDate,
        d.PriceSek, d.MdmState, d.ManagedAccount, d.ActivationLock, d.Status, d.StatusReason, d.UnitId, d.AssignedToEmployeeId,
        d.InLoanPool, d.UpdatedAt) { MdmDeviceId = d.MdmDeviceId, LoanPoolSite = d.LoanPoolSite };
}

/// <summary>A device to register (procured, or found in the field without a record).</summary>
/// <param name="Status">Where it starts: in stock; Reserved when bought for someone; Enrolled when the supplier enrolled it in MDM.</param>
public sealed record NewDevice(string? Imei, string? Serial, string Model, DeviceType Type, Ownership Ownership = Ownership.Bought,
    DateOnly? PurchaseDate = null, decimal? PriceSek = null, string? UnitId = null, DeviceStatus Status = DeviceStatus.InStock);

/// <summary>What MDM reports about a device; null leaves a value as it is.</summary>
/// <param name="MdmDeviceId">The MDM's id of the device, as its enrolment answered.</param>
public sealed record MdmReport(MdmState? MdmState, bool? ManagedAccount, ActivationLock? ActivationLock, string? MdmDeviceId = null);

public sealed record AssignmentView(long Id, AssignmentKind Kind, Guid ItemId, string EmployeeId, DateTimeOffset From,
    DateTimeOffset? To, bool Loan)
{
    internal static AssignmentView Of(AssignmentRecord a) => new(a.Id, a.Kind, a.ItemId, a.EmployeeId, a.From, a.To, a.Loan);
}

public enum ReservationOutcome { Reserved, NoneInStock }

/// <summary>Reserving from stock: a device, or <see cref="ReservationOutcome.NoneInStock"/> so a workflow can branch to procurement.</summary>
public sealed record ReservationResult(ReservationOutcome Outcome, DeviceView? Device);

/// <summary>Filter of a device list: status, and free text matched against IMEI, serial, model and holder.</summary>
public sealed record DeviceQuery(DeviceStatus? Status = null, string? Text = null, int Limit = 500);
