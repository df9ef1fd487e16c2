namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>How a caller stands to one agreement's employee. Nobody is their own manager here, so no one approves their own agreement.</summary>
internal sealed record AgreementRelation(bool IsEmployee, bool IsManager, bool IsHr, bool IsAdmin)
{
    public bool MaySee => IsEmployee || IsManager || IsHr || IsAdmin;

    /// <summary>The two parties and HR; everyone else (admin included, unless also HR) gets the masked number.</summary>
    public bool SeesFullPersonalNumber => IsEmployee || IsManager || IsHr;

    public bool MayAdminister => IsManager || IsHr || IsAdmin;
}

/// <summary>Works out <see cref="AgreementRelation"/>s and the employees a caller may see, from the register's unit tree.</summary>
internal sealed class RemoteWorkAccess(IRegisterDirectory directory, CurrentRoles current)
{
    public static bool SeesAll(RegisterUser user) => user.IsAdmin || user.IsIn(RegisterRoles.HR);

    public async Task<AgreementRelation> RelationAsync(string employeeId, RegisterUser user, CancellationToken ct)
    {
        user = await current.OfAsync(user, ct);
        var me = await directory.FindPersonByUserNameAsync(user.UserName, ct);
        var isEmployee = me is not null && string.Equals(me.EmployeeId, employeeId, StringComparison.Ordinal);
        var isManager = !isEmployee && await ManagesAsync(employeeId, user, ct);
        return new AgreementRelation(isEmployee, isManager, user.IsIn(RegisterRoles.HR), user.IsAdmin);
    }

    /// <summary>The caller themself and the people in the units they manage; null when they see everyone.</summary>
    public async Task<IReadOnlyList<string>?> VisibleEmployeesAsync(RegisterUser user, CancellationToken ct)
    {
        user = await current.OfAsync(user, ct);
        if (SeesAll(user)) return null;
        var ids = new List<string>();
        if (await directory.FindPersonByUserNameAsync(user.UserName, ct) is { } me) ids.Add(me.EmployeeId);
        var managed = await ManagedUnitsAsync(user, ct);
        if (managed.Count > 0) ids.AddRange((await directory.PeopleInUnitsAsync(managed, ct)).Select(p => p.EmployeeId));
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private async Task<bool> ManagesAsync(string employeeId, RegisterUser user, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(employeeId, ct);
        if (person?.UnitId is not { } unitId) return false;
        return (await ManagedUnitsAsync(user, ct)).Contains(unitId);
    }

    // The unit tree names a manager; the Manager role (already current here) says they still act as one.
    private async Task<IReadOnlySet<string>> ManagedUnitsAsync(RegisterUser user, CancellationToken ct) =>
        user.IsIn(RegisterRoles.Manager) || user.IsAdmin ? await directory.UnitsManagedByAsync(user.UserName, ct) : new HashSet<string>();
}
