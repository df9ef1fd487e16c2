using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Org;

internal sealed class OrgRegister(RegisterTransactions transactions, IOptions<RegisterOptions> options)
    : IOrgRegister
{
    public Task<IReadOnlyList<UnitInfo>> ListUnitsAsync(CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlyList<UnitInfo>>(async db =>
            (await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct)).Select(OrgMapping.ToInfo).ToList(), ct);

    public Task<UnitInfo> GetUnitAsync(string id, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
                ? OrgMapping.ToInfo(unit)
                : throw UnitNotFound(id), ct);

    public Task<UnitInfo> CreateUnitAsync(RegisterUser user, NewUnit unit, string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        return transactions.RunAsync("Unit.Create", operationKey, user, async change =>
        {
            if (await change.Db.Units.AnyAsync(u => u.Id == unit.Id, ct))
                throw new RegisterConflictException($"Enheten {unit.Id} finns redan.");
            return OrgMapping.ToInfo((await OrgUpserts.UnitAsync(change, unit, ct)).Row);
        }, ct);
    }

    public Task<UnitInfo> SetRolloutModeAsync(RegisterUser user, string unitId, RolloutMode mode, string? operationKey = null,
        CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        return transactions.RunAsync("Unit.SetRollout", operationKey, user, async change =>
        {
            var unit = await change.Db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw UnitNotFound(unitId);
            var before = OrgMapping.ToInfo(unit);
            unit.Rollout = mode;
            change.Audit(OrgUpserts.UnitEntity, unit.Id, "Rollout", before, OrgMapping.ToInfo(unit), unit.Id);
            return OrgMapping.ToInfo(unit);
        }, ct);
    }

    public Task<IReadOnlyList<PersonInfo>> ListPeopleAsync(RegisterUser user, string? text, CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlyList<PersonInfo>>(async db =>
        {
            var people = await VisiblePeopleAsync(db, user, ct);
            if (!string.IsNullOrWhiteSpace(text))
            {
                var value = text.Trim();
                people = people.Where(p => p.EmployeeId == value || p.UserName == value || p.Name.Contains(value) || p.UnitId == value);
            }
            return (await people.OrderBy(p => p.Name).Take(5000).ToListAsync(ct)).Select(OrgMapping.ToInfo).ToList();
        }, ct);

    public Task<PersonInfo> GetPersonAsync(RegisterUser user, string employeeId, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
            await (await VisiblePeopleAsync(db, user, ct)).FirstOrDefaultAsync(p => p.EmployeeId == employeeId, ct) is { } person
                ? OrgMapping.ToInfo(person)
                : throw PersonNotFound(employeeId), ct);

    public Task<PersonInfo> CreatePersonAsync(RegisterUser user, NewPerson person, string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        return transactions.RunAsync("Person.Create", operationKey, user, async change =>
        {
            if (await change.Db.People.AnyAsync(p => p.EmployeeId == person.EmployeeId, ct))
                throw new RegisterConflictException($"Anställningsnummer {person.EmployeeId} finns redan.");
            await OrgUpserts.PersonAsync(change, person, ct);
            return OrgMapping.ToInfo(change.Db.People.Local.Single(p => p.EmployeeId == person.EmployeeId));
        }, ct);
    }

    public Task<PersonInfo> SetPersonStatusAsync(RegisterUser user, string employeeId, PersonStatus status, string? operationKey = null,
        CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        return transactions.RunAsync("Person.SetStatus", operationKey, user, async change =>
        {
            var person = await change.Db.People.FirstOrDefaultAsync(p => p.EmployeeId == employeeId, ct) ?? throw PersonNotFound(employeeId);
            var flagged = status == PersonStatus.Offboarding;
            if (person.FlaggedForOffboarding != flagged) OrgUpserts.Flag(change, person, flagged);
            return OrgMapping.ToInfo(person);
        }, ct);
    }

    public Task<OrgImportResult> ImportAsync(RegisterUser user, OrgSnapshot snapshot, bool confirmRemovals = false, string? operationKey = null,
        CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        var maxShare = confirmRemovals ? 1.0 : options.Value.MaxOffboardingShare;
        return transactions.RunAsync("Org.Import", operationKey, user, change => OrgImporter.ApplyAsync(change, snapshot, maxShare, ct), ct);
    }

    // Every ordering and offboarding asks this. One context, and the subscriptions by holder: through the
    // subscription list's text search it was a scan of every subscription (the operator name is matched by LIKE).
    public Task<PersonLinks> LinksOfAsync(string employeeId, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
        {
            var held = await DeviceRegister.HeldByAsync(db, employeeId, ct);
            var subscriptions = await db.Subscriptions.AsNoTracking()
                .Where(s => s.EmployeeId == employeeId && s.Status != SubscriptionStatus.Terminated).OrderBy(s => s.Msisdn).ToListAsync(ct);
            var extensions = await db.Extensions.AsNoTracking()
                .Where(x => x.EmployeeId == employeeId && x.Status == ExtensionStatus.Active).ToListAsync(ct);
            return new PersonLinks(employeeId, held, subscriptions.Select(SubscriptionView.From).ToList(),
                extensions.Select(ExtensionView.From).ToList());
        }, ct);

    /// <summary>ServiceCenter, HR and admin see everyone; a manager their units' people; anyone else themself.</summary>
    private static async Task<IQueryable<PersonRecord>> VisiblePeopleAsync(RegisterDbContext db, RegisterUser user, CancellationToken ct)
    {
        var people = db.People.AsNoTracking();
        if (user.SeesWholeRegister || user.IsIn(RegisterRoles.HR)) return people;
        var visible = (await RegisterAccess.ScopeAsync(db, user, ct)).EmployeeIds.ToList();
        return people.Where(p => visible.Contains(p.EmployeeId));
    }

    private static RegisterNotFoundException UnitNotFound(string id) => new($"Enheten {id} finns inte.");

    private static RegisterNotFoundException PersonNotFound(string id) => new($"Personen {id} finns inte.");
}
