using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;

namespace RJH.DeviceWorkflows.Registry.Org;

/// <summary><see cref="IRegisterDirectory"/> over the register's tables.</summary>
internal sealed class RegisterDirectory(RegisterTransactions transactions) : IRegisterDirectory
{
    public Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default) =>
        transactions.ReadAsync(async db => await People.FindAsync(db, employeeId, ct) is { } p ? OrgMapping.ToInfo(p) : null, ct);

    public Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default) =>
        transactions.ReadAsync(async db => await People.FindByUserNameAsync(db, userName, ct) is { } p ? OrgMapping.ToInfo(p) : null, ct);

    public Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is { } u ? OrgMapping.ToInfo(u) : null, ct);

    public Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlyList<UnitInfo>>(async db =>
            (await UnitTree.AncestryAsync(db, unitId, ct)).Select(OrgMapping.ToInfo).ToList(), ct);

    public Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlySet<string>>(async db =>
        {
            var me = await db.People.AsNoTracking().Where(p => p.UserName == userName).Select(p => p.EmployeeId).FirstOrDefaultAsync(ct);
            return me is null ? new HashSet<string>() : await UnitTree.ManagedByAsync(db, me, ct);
        }, ct);

    public Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default)
    {
        var units = unitIds.ToList();
        return transactions.ReadAsync<IReadOnlyList<PersonInfo>>(async db =>
            (await db.People.AsNoTracking().Where(p => p.UnitId != null && units.Contains(p.UnitId)).OrderBy(p => p.Name).ToListAsync(ct))
            .Select(OrgMapping.ToInfo).ToList(), ct);
    }

    public Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlyList<DeviceInfo>>(async db =>
            (await db.Devices.AsNoTracking().Where(d => d.AssignedToEmployeeId == employeeId).ToListAsync(ct))
            .Select(d => new DeviceInfo(d.Id, d.Imei, d.Serial, d.Model, d.Type, d.Status, d.AssignedToEmployeeId, d.PurchaseDate)).ToList(), ct);

    public Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
            await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deviceId, ct) is { } d
                ? new DeviceInfo(d.Id, d.Imei, d.Serial, d.Model, d.Type, d.Status, d.AssignedToEmployeeId, d.PurchaseDate)
                : null, ct);
}
