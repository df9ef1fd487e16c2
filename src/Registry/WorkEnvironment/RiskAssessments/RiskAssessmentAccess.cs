namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>
/// Who may see, write and sign an assessment. HR and safety representatives act on every unit (the register does
/// not yet record which units a safety representative covers); a manager on the units they manage and those below.
/// Writing (create, edit, submit, revise) is open to whoever may see the assessment.
/// </summary>
internal sealed class RiskAssessmentAccess(IRegisterDirectory directory, CurrentRoles current)
{
    public static bool SeesAll(RegisterUser user) =>
        user.IsAdmin || user.IsIn(RegisterRoles.HR) || user.IsIn(RegisterRoles.SafetyRep);

    /// <summary><see cref="SeesAll"/> with the roles the register gives the caller now.</summary>
    public async Task<bool> SeesAllAsync(RegisterUser user, CancellationToken ct) => SeesAll(await current.OfAsync(user, ct));

    /// <summary>The units the caller manages in the unit tree, while the register still gives them the Manager role.</summary>
    public async Task<IReadOnlySet<string>> ManagedUnitsAsync(RegisterUser user, CancellationToken ct) =>
        (await current.OfAsync(user, ct)).IsIn(RegisterRoles.Manager) || user.IsAdmin
            ? await directory.UnitsManagedByAsync(user.UserName, ct)
            : new HashSet<string>();

    public async Task<bool> MaySeeAsync(string scopeUnitId, RegisterUser user, CancellationToken ct) =>
        await SeesAllAsync(user, ct) || (await ManagedUnitsAsync(user, ct)).Contains(scopeUnitId);

    /// <summary>The parties <paramref name="user"/> may sign as: the scope's manager, and a safety representative by role.</summary>
    public async Task<IReadOnlyList<SignOffParty>> PartiesAsync(string scopeUnitId, RegisterUser user, CancellationToken ct)
    {
        var parties = new List<SignOffParty>(2);
        if ((await ManagedUnitsAsync(user, ct)).Contains(scopeUnitId)) parties.Add(SignOffParty.Manager);
        if ((await current.OfAsync(user, ct)).IsIn(RegisterRoles.SafetyRep)) parties.Add(SignOffParty.SafetyRep);
        return parties;
    }
}
