using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Org;

public enum UpsertOutcome { Created, Updated, Unchanged }

/// <summary>Creates or updates one unit or person with its audit entry; the API's create and the HR import share it.</summary>
internal static class OrgUpserts
{
    public const string UnitEntity = "Unit";
    public const string PersonEntity = "Person";

    /// <remarks>A null manager leaves the stored one (an export may not say); the rollout mode is never touched here.</remarks>
    public static async Task<(UnitRecord Row, UpsertOutcome Outcome)> UnitAsync(RegisterChange change, NewUnit unit, CancellationToken ct)
    {
        OrgValidation.Check(unit);
        var parent = unit.ParentId is null ? null
            : await change.Db.Units.FirstOrDefaultAsync(u => u.Id == unit.ParentId, ct)
              ?? throw new RegisterValidationException("parentId", $"Det finns ingen överordnad enhet med id {unit.ParentId}.");
        OrgValidation.CheckUnitLevel(parent, unit);
        var row = await change.Db.Units.FirstOrDefaultAsync(u => u.Id == unit.Id, ct);
        var before = row is null ? null : OrgMapping.ToInfo(row);
        if (row is null) change.Db.Units.Add(row = new UnitRecord { Id = unit.Id, Name = unit.Name });
        row.Name = unit.Name.Trim();
        row.Level = unit.Level;
        row.ParentId = unit.ParentId;
        row.ManagerEmployeeId = unit.ManagerEmployeeId ?? row.ManagerEmployeeId;
        var after = OrgMapping.ToInfo(row);
        if (before == after) return (row, UpsertOutcome.Unchanged);
        change.Audit(UnitEntity, row.Id, before is null ? "Created" : "Updated", before, after, row.Id);
        return (row, before is null ? UpsertOutcome.Created : UpsertOutcome.Updated);
    }

    /// <summary>Creates or updates a person; one who comes back to the export loses the offboarding flag.</summary>
    public static async Task<UpsertOutcome> PersonAsync(RegisterChange change, NewPerson person, CancellationToken ct)
    {
        OrgValidation.Check(person);
        if (!await change.Db.Units.AnyAsync(u => u.Id == person.UnitId, ct))
            throw new RegisterValidationException("unitId", $"Det finns ingen enhet med id {person.UnitId}.");
        var userName = person.UserName.Trim();
        if (await change.Db.People.AnyAsync(p => p.UserName == userName && p.EmployeeId != person.EmployeeId, ct)
            || change.Db.People.Local.Any(p => p.UserName == userName && p.EmployeeId != person.EmployeeId))
            throw new RegisterValidationException("userName", $"Användarnamnet {userName} tillhör redan en annan person.");

        var row = await change.Db.People.FirstOrDefaultAsync(p => p.EmployeeId == person.EmployeeId, ct);
        var before = row is null ? null : OrgMapping.ToInfo(row);
        if (row is null)
            change.Db.People.Add(row = new PersonRecord
            {
                EmployeeId = person.EmployeeId, UserName = userName, Name = person.Name, TimeZoneId = OrgMapping.DefaultTimeZone,
            });
        var changed = OrgMapping.Apply(row, person) | row.FlaggedForOffboarding;
        row.FlaggedForOffboarding = false;
        row.FlaggedAt = null;
        if (before is not null && !changed) return UpsertOutcome.Unchanged;
        change.Audit(PersonEntity, row.EmployeeId, before is null ? "Created" : "Updated", before, OrgMapping.ToInfo(row), row.UnitId);
        return before is null ? UpsertOutcome.Created : UpsertOutcome.Updated;
    }

    public static void Flag(RegisterChange change, PersonRecord row, bool flagged)
    {
        var before = OrgMapping.ToInfo(row);
        row.FlaggedForOffboarding = flagged;
        row.FlaggedAt = flagged ? change.Now : null;
        change.Audit(PersonEntity, row.EmployeeId, flagged ? "FlaggedForOffboarding" : "Reinstated", before, OrgMapping.ToInfo(row), row.UnitId);
    }
}
