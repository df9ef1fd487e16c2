using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>The unit tree as risk assessments see it: what an assessment of a unit or of its area covers, and who signs it.</summary>
public sealed class UnitScopes(IRegisterDirectory directory, IOrgRegister org)
{
    /// <summary>The unit itself (scope Unit) or the area it lies in (scope Area); a unit that is an area is its own area.</summary>
    public async Task<UnitInfo> ScopeUnitAsync(UnitInfo unit, bool area, CancellationToken ct) =>
        !area ? unit
            : (await directory.AncestryAsync(unit.Id, ct)).FirstOrDefault(u => u.Level == OrgLevel.Area)
              ?? throw new InvalidOperationException($"The unit '{unit.Id}' lies in no area, so it has no area-wide assessment.");

    /// <summary>The root and every unit below it, root first.</summary>
    public async Task<IReadOnlyList<UnitInfo>> SubtreeAsync(string rootId, CancellationToken ct) =>
        Subtree(await org.ListUnitsAsync(ct), rootId);

    /// <summary>The root and every unit below it among <paramref name="units"/>, root first (for callers holding the list already).</summary>
    public static IReadOnlyList<UnitInfo> Subtree(IReadOnlyList<UnitInfo> units, string rootId)
    {
        var found = units.Where(u => u.Id == rootId).ToList();
        for (var i = 0; i < found.Count; i++) found.AddRange(units.Where(u => u.ParentId == found[i].Id));
        return found;
    }

    /// <summary>The nearest manager from the unit upwards (the manager of an area also manages its units).</summary>
    public async Task<PersonInfo?> ManagerAsync(string unitId, CancellationToken ct) =>
        (await directory.AncestryAsync(unitId, ct)).Select(u => u.ManagerEmployeeId).FirstOrDefault(m => m is not null) is { } id
            ? await directory.FindPersonAsync(id, ct)
            : null;

    /// <summary>
    /// A safety representative for the unit: someone with the role in the unit's area (any unit of it, or the area or
    /// administration itself), else anywhere in the administration; someone in the unit itself first, then by id.
    /// </summary>
    public async Task<PersonInfo?> SafetyRepAsync(UnitInfo unit, string? notUserName, CancellationToken ct)
    {
        var ancestry = await directory.AncestryAsync(unit.Id, ct);
        var area = ancestry.FirstOrDefault(u => u.Level == OrgLevel.Area);
        var administration = ancestry.FirstOrDefault(u => u.Level == OrgLevel.Administration);
        var near = new List<string>();
        if (area is not null) near.AddRange((await SubtreeAsync(area.Id, ct)).Select(u => u.Id));
        if (administration is not null) near.Add(administration.Id);
        near.Add(unit.Id);
        return await FirstSafetyRepAsync(near, unit.Id, notUserName, ct)
            ?? (administration is null ? null
                : await FirstSafetyRepAsync((await SubtreeAsync(administration.Id, ct)).Select(u => u.Id), unit.Id, notUserName, ct));
    }

    private async Task<PersonInfo?> FirstSafetyRepAsync(IEnumerable<string> unitIds, string preferredUnitId, string? notUserName,
        CancellationToken ct) =>
        (await directory.PeopleInUnitsAsync(unitIds.Distinct(StringComparer.Ordinal), ct))
            .Where(p => p.Roles.Contains(RegisterRoles.SafetyRep) && !p.FlaggedForOffboarding
                        && !string.Equals(p.UserName, notUserName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.UnitId == preferredUnitId ? 0 : 1).ThenBy(p => p.EmployeeId, StringComparer.Ordinal)
            .FirstOrDefault();
}
