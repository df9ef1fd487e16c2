namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>The register's device list for Servicecenter: one page, filtered, sorted and counted by the database.</summary>
public interface IDeviceSearch
{
    /// <exception cref="RegisterValidationException">Text too long, or a page size outside 1–<see cref="DeviceSearch.MaxPageSize"/>.</exception>
    Task<DevicePage> SearchAsync(RegisterUser user, DeviceSearch search, CancellationToken ct = default);

    /// <summary>Every device the filter finds (the paging of <paramref name="search"/> is ignored), at most <see cref="DeviceSearch.MaxExportRows"/>.</summary>
    Task<IReadOnlyList<DeviceRow>> ExportAsync(RegisterUser user, DeviceSearch search, CancellationToken ct = default);
}

public enum DeviceSort { Model, Imei, Serial, Type, Status, MdmState, Unit, Holder, Updated }

/// <summary>Which devices of the loan pool: all, those in the pool, those lent out now, those not in the pool.</summary>
public enum LoanFilter { Any, InLoanPool, OnLoan, NotInLoanPool }

/// <summary>
/// A device search. <see cref="Text"/> matches an IMEI, a serial number or a phone number exactly, and a person
/// (name, employee id or user name) or a unit (name or id) in part; <see cref="UnitId"/> includes the units below it.
/// </summary>
public sealed record DeviceSearch
{
    public const int MaxTextLength = 100;
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 100_000;

    public string? Text { get; init; }
    public DeviceStatus? Status { get; init; }
    public DeviceType? Type { get; init; }
    public MdmState? MdmState { get; init; }
    public string? UnitId { get; init; }
    public LoanFilter Loan { get; init; }
    public DeviceSort Sort { get; init; }
    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>A device as a list shows it, with the names of its unit and holder and its active number.</summary>
public sealed record DeviceRow(Guid Id, string? Imei, string? Serial, string Model, DeviceType Type, DeviceStatus Status,
    MdmState MdmState, ActivationLock ActivationLock, string? UnitId, string? UnitName, string? HolderEmployeeId,
    string? HolderName, string? Msisdn, bool InLoanPool, DateTimeOffset UpdatedAt);

public sealed record DevicePage(IReadOnlyList<DeviceRow> Rows, int Total);
