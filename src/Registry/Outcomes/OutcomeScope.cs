using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Outcomes;

/// <summary>Which units and people a dashboard reads: the caller's scope, narrowed to a chosen unit and the units below it.</summary>
internal static class OutcomeScope
{
    /// <param name="UnitIds">Null for the whole register.</param>
    public sealed record Selection(IReadOnlyList<UnitFact> ScopeUnits, IReadOnlyList<UnitFact> Units, HashSet<string>? UnitIds,
        IReadOnlyList<PersonFact> People);

    /// <summary>The units the caller may see, those chosen, and the people of the chosen ones.</summary>
    /// <param name="wholeRegister">The caller may read these figures for every unit whatever the register lets them see.</param>
    public static async Task<Selection> ReadAsync(RegisterDbContext db, RegisterUser user, string? unitId, CancellationToken ct,
        bool wholeRegister = false)
    {
        var scope = wholeRegister ? AccessScope.Everything : await RegisterAccess.ScopeAsync(db, user, ct);
        var unitIds = await SelectedUnitsAsync(db, scope, unitId, ct);
        var scopeUnits = (await db.Units.AsNoTracking().ToListAsync(ct))
            .Where(u => scope.SeesUnit(u.Id))
            .Select(u => new UnitFact(u.Id, u.Name, u.Level, u.Rollout)).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        var units = scopeUnits.Where(u => unitIds is null || unitIds.Contains(u.Id)).ToList();
        var people = (await InUnits(db.People.AsNoTracking(), unitIds).ToListAsync(ct))
            .Select(p => new PersonFact(p.EmployeeId, p.Name, p.UnitId, p.FlaggedForOffboarding)).ToList();
        return new Selection(scopeUnits, units, unitIds, people);
    }

    /// <summary>Null for the whole register; otherwise the units the caller sees, narrowed to the chosen unit's subtree.</summary>
    private static async Task<HashSet<string>?> SelectedUnitsAsync(RegisterDbContext db, AccessScope scope, string? unitId, CancellationToken ct)
    {
        HashSet<string>? units = scope.All ? null : [.. scope.UnitIds];
        if (string.IsNullOrWhiteSpace(unitId)) return units;
        var subtree = await UnitTree.SubtreeAsync(db, unitId.Trim(), ct);
        if (units is not null) subtree.IntersectWith(units);
        return subtree;
    }

    private static IQueryable<PersonRecord> InUnits(IQueryable<PersonRecord> people, HashSet<string>? unitIds)
    {
        if (unitIds is null) return people;
        var ids = unitIds.ToList();
        return people.Where(p => p.UnitId != null && ids.Contains(p.UnitId));
    }
}
