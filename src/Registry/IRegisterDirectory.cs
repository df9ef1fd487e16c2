namespace RJH.DeviceWorkflows.Registry;

/// <summary>
/// Read-only questions other parts ask of the register (access checks, recipients, equipment lines):
/// who a person is, which units someone manages, what is assigned to whom. Implemented over the
/// register's tables; parts that only read take this instead of the register's services.
/// </summary>
public interface IRegisterDirectory
{
    Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default);

    /// <summary>The person who signs in with this user name (demo users and HR export share it).</summary>
    Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default);

    Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default);

    /// <summary>The unit and every level above it, nearest first (unit, area, administration).</summary>
    Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default);

    /// <summary>Ids of the units this user manages and every unit below them; empty for a non-manager.</summary>
    Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default);

    /// <summary>People whose unit is one of these (not below them).</summary>
    Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default);

    /// <summary>Devices currently assigned to the person (open assignments).</summary>
    Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default);

    Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default);
}

public enum OrgLevel { Administration, Area, Unit }

/// <summary>How a unit takes part in the device rollout; Voluntary/Mandatory are set by an approved risk assessment.</summary>
public enum RolloutMode { None, Voluntary, Mandatory }

public sealed record UnitInfo(string Id, string Name, OrgLevel Level, string? ParentId, string? ManagerEmployeeId, RolloutMode Rollout);

/// <param name="WorkDays">Days worked; with <paramref name="WorkStart"/>–<paramref name="WorkEnd"/> local time in <paramref name="TimeZoneId"/>.</param>
public sealed record PersonInfo(
    string EmployeeId,
    string UserName,
    string Name,
    string? Email,
    string? UnitId,
    string? ManagerEmployeeId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<DayOfWeek> WorkDays,
    TimeOnly WorkStart,
    TimeOnly WorkEnd,
    string TimeZoneId,
    bool HasOwnExtension,
    bool SharesExtension,
    bool WorksAcrossLargeArea,
    bool FlaggedForOffboarding);

public enum DeviceType { Phone, Tablet }

public enum DeviceStatus { InStock, Reserved, Enrolled, Assigned, InRepair, Returned, Wiped, Retired, Lost, OnLoan }

public sealed record DeviceInfo(Guid Id, string? Imei, string? Serial, string Model, DeviceType Type, DeviceStatus Status,
    string? AssignedToEmployeeId, DateOnly? PurchaseDate);
