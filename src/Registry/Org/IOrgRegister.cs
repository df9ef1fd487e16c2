using RJH.DeviceWorkflows.Registry.Import;

namespace RJH.DeviceWorkflows.Registry.Org;

/// <summary>
/// The organisation: units (administration → area → unit) and people from HR. Units are readable by every
/// signed-in user; people by ServiceCenter, HR and admin, managers for their units, and each person
/// themself. Changes: HR and admin (rollout mode also by the system when a risk assessment is approved).
/// </summary>
public interface IOrgRegister
{
    Task<IReadOnlyList<UnitInfo>> ListUnitsAsync(CancellationToken ct = default);

    Task<UnitInfo> GetUnitAsync(string id, CancellationToken ct = default);

    Task<UnitInfo> CreateUnitAsync(RegisterUser user, NewUnit unit, string? operationKey = null, CancellationToken ct = default);

    Task<UnitInfo> SetRolloutModeAsync(RegisterUser user, string unitId, RolloutMode mode, string? operationKey = null, CancellationToken ct = default);

    Task<IReadOnlyList<PersonInfo>> ListPeopleAsync(RegisterUser user, string? text, CancellationToken ct = default);

    Task<PersonInfo> GetPersonAsync(RegisterUser user, string employeeId, CancellationToken ct = default);

    Task<PersonInfo> CreatePersonAsync(RegisterUser user, NewPerson person, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Flags a person for offboarding, or clears the flag.</summary>
    Task<PersonInfo> SetPersonStatusAsync(RegisterUser user, string employeeId, PersonStatus status, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Upserts the HR export (idempotent on ids); people missing from it are flagged for offboarding, never deleted.</summary>
    /// <param name="confirmRemovals">Needed when more than <see cref="RegisterOptions.MaxOffboardingShare"/> of the people would be flagged.</param>
    /// <exception cref="RegisterImportRemovesTooManyException">Too many would be flagged and <paramref name="confirmRemovals"/> is false.</exception>
    Task<OrgImportResult> ImportAsync(RegisterUser user, OrgSnapshot snapshot, bool confirmRemovals = false, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>Devices, subscriptions and extensions still linked to the person (offboarding's check; no access check).</summary>
    Task<PersonLinks> LinksOfAsync(string employeeId, CancellationToken ct = default);
}

/// <summary>The HR export, read from CSV or JSON; rows that could not even be read are in <see cref="Refused"/>.</summary>
public sealed record OrgSnapshot(IReadOnlyList<ImportRow<NewUnit>> Units, IReadOnlyList<ImportRow<NewPerson>> People,
    IReadOnlyList<ImportRefusal> Refused, IReadOnlySet<string> EmployeeIdsPresent);

public sealed record ImportRow<T>(int Row, T Value);

/// <summary>Counts are of units and people together.</summary>
public sealed record OrgImportResult(int Created, int Updated, int Unchanged, int FlaggedForOffboarding,
    IReadOnlyList<string> FlaggedEmployeeIds, IReadOnlyList<ImportRefusal> Refused);
