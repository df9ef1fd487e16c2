using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Access;

/// <summary>Walks the unit tree. The tree is a few hundred rows, so it is read whole and walked in memory.</summary>
internal static class UnitTree
{
    /// <summary>
    /// Units the employee manages and every unit below them — none unless the register gives them the Manager role now
    /// and they are not leaving. The tree may still name someone whose role HR took away; every check that opens a unit
    /// to its manager (register, team, unit messages, figures, agreements) comes here, so a token's stale roles open nothing.
    /// </summary>
    public static async Task<HashSet<string>> ManagedByAsync(RegisterDbContext db, string employeeId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.EmployeeId == employeeId)
            .Select(p => new { p.Roles, p.FlaggedForOffboarding }).FirstOrDefaultAsync(ct);
        if (person is null || person.FlaggedForOffboarding
            || !person.Roles.Split(',', StringSplitOptions.TrimEntries).Contains(RegisterRoles.Manager, StringComparer.Ordinal))
            return new HashSet<string>(StringComparer.Ordinal);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.ManagerEmployeeId }).ToListAsync(ct);
        return Below(units.Select(u => (u.Id, u.ParentId)), units.Where(u => u.ManagerEmployeeId == employeeId).Select(u => u.Id));
    }

    /// <summary>The unit and every unit below it; empty when there is no such unit.</summary>
    public static async Task<HashSet<string>> SubtreeAsync(RegisterDbContext db, string unitId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        return Below(units.Select(u => (u.Id, u.ParentId)), units.Where(u => u.Id == unitId).Select(u => u.Id));
    }

    private static HashSet<string> Below(IEnumerable<(string Id, string? ParentId)> units, IEnumerable<string> roots)
    {
        var children = units.Where(u => u.ParentId != null).ToLookup(u => u.ParentId!, u => u.Id);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var id))
        {
            if (!result.Add(id)) continue; // a cycle in bad data must not loop forever
            foreach (var child in children[id]) pending.Push(child);
        }
        return result;
    }

    /// <summary>The unit and every level above it, nearest first.</summary>
    public static async Task<IReadOnlyList<UnitRecord>> AncestryAsync(RegisterDbContext db, string unitId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var result = new List<UnitRecord>();
        for (var id = unitId; id is not null && units.TryGetValue(id, out var unit) && !result.Contains(unit); id = unit.ParentId)
            result.Add(unit);
        return result;
    }
}
