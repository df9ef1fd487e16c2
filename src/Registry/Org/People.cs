using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Org;

/// <summary>Look-ups of people that several register services need.</summary>
internal static class People
{
    // Asked several times by every workflow step (who the person is, their unit for the audit): compiled once.
    private static readonly CompiledQuery<RegisterDbContext, string, PersonRecord?> PersonById =
        new((db, employeeId, _) => db.People.FirstOrDefault(p => p.EmployeeId == employeeId));

    private static readonly CompiledQuery<RegisterDbContext, string, PersonRecord?> PersonToReadById =
        new((db, employeeId, _) => db.People.AsNoTracking().FirstOrDefault(p => p.EmployeeId == employeeId));

    private static readonly CompiledQuery<RegisterDbContext, string, PersonRecord?> PersonToReadByUserName =
        new((db, userName, _) => db.People.AsNoTracking().FirstOrDefault(p => p.UserName == userName));

    private static readonly CompiledQuery<RegisterDbContext, string, string?> UnitOfPerson =
        new((db, employeeId, _) => db.People.AsNoTracking().Where(p => p.EmployeeId == employeeId).Select(p => p.UnitId).FirstOrDefault());

    /// <exception cref="RegisterValidationException">No such employee: the request names someone the register does not know.</exception>
    public static async Task<PersonRecord> RequireAsync(RegisterDbContext db, string? employeeId, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(employeeId))
            throw new RegisterValidationException(field, "Anställningsnummer saknas.");
        return await PersonById.RunAsync(db, employeeId, ct)
            ?? throw new RegisterValidationException(field, $"Det finns ingen person med anställningsnummer {employeeId}.");
    }

    /// <summary>The person, to read (not tracked for a change); null when the register does not know them.</summary>
    public static Task<PersonRecord?> FindAsync(RegisterDbContext db, string employeeId, CancellationToken ct) =>
        PersonToReadById.RunAsync(db, employeeId, ct);

    /// <summary>The person with this user name, to read; null when the register does not know them.</summary>
    public static Task<PersonRecord?> FindByUserNameAsync(RegisterDbContext db, string userName, CancellationToken ct) =>
        PersonToReadByUserName.RunAsync(db, userName, ct);

    /// <summary>The unit an audit entry about something held by this person belongs to.</summary>
    public static async Task<string?> UnitOfAsync(RegisterDbContext db, string? employeeId, CancellationToken ct) =>
        employeeId is null ? null
            : await UnitOfPerson.RunAsync(db, employeeId, ct);

    public static async Task RequireUnitAsync(RegisterDbContext db, string? unitId, string field, CancellationToken ct)
    {
        if (unitId is not null && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            throw new RegisterValidationException(field, $"Det finns ingen enhet med id {unitId}.");
    }
}
