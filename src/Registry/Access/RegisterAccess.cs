using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Access;

/// <summary>Decides from the caller's roles and the unit tree what they may read and change; never from ids in a request.</summary>
internal static class RegisterAccess
{
    public static async Task<AccessScope> ScopeAsync(RegisterDbContext db, RegisterUser user, CancellationToken ct)
    {
        if (user.SeesWholeRegister) return AccessScope.Everything;
        var me = await db.People.AsNoTracking().Where(p => p.UserName == user.UserName)
            .Select(p => p.EmployeeId).FirstOrDefaultAsync(ct);
        if (me is null) return new AccessScope(false, new HashSet<string>(), new HashSet<string>());

        var units = user.IsIn(RegisterRoles.Manager) ? await UnitTree.ManagedByAsync(db, me, ct) : new HashSet<string>();
        var people = new HashSet<string>(StringComparer.Ordinal) { me };
        if (units.Count > 0)
            people.UnionWith(await db.People.AsNoTracking().Where(p => p.UnitId != null && units.Contains(p.UnitId))
                .Select(p => p.EmployeeId).ToListAsync(ct));
        return new AccessScope(false, units, people);
    }

    /// <summary>Changes to devices, subscriptions, extensions and the loan pool: ServiceCenter and admin.</summary>
    public static void RequireRegisterWriter(RegisterUser user)
    {
        if (!user.SeesWholeRegister)
            throw new RegisterForbiddenException("Endast Servicecenter och administratörer får ändra i registret.");
    }

    /// <summary>The organisation (units, people, the HR import): HR and admin.</summary>
    public static void RequireOrgWriter(RegisterUser user)
    {
        if (!user.IsAdmin && !user.IsIn(RegisterRoles.HR))
            throw new RegisterForbiddenException("Endast HR och administratörer får ändra organisationen.");
    }
}
