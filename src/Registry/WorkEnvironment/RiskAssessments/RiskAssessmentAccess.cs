namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>
/// Who may see, write and sign an assessment. HR and safety representatives act on every unit (the register does
/// not yet record which units a safety representative covers); a manager on the units they manage and those below.
/// Writing (create, edit, submit, revise) is open to whoever may see the assessment.
/// </summary>
internal sealed class RiskAssessmentAccess(IRegisterDirectory directory)
{
    public static bool SeesAll(RegisterUser user) =>
        user.IsAdmin || user.IsIn(RegisterRoles.HR) || user.IsIn(RegisterRoles.SafetyRep);

    public Task<IReadOnlySet<string>> ManagedUnitsAsync(RegisterUser user, CancellationToken ct) =>
        directory.UnitsManagedByAsync(user.UserName, ct);

    public async Task<bool> MaySeeAsync(string scopeUnitId, RegisterUser user, CancellationToken ct) =>
        SeesAll(user) || (await ManagedUnitsAsync(user, ct)).Contains(scopeUnitId);

    /// <summary>The parties <paramref name="user"/> may sign as: the scope's manager, and a safety representative by role.</summary>
    public async Task<IReadOnlyList<SignOffParty>> PartiesAsync(string scopeUnitId, RegisterUser user, CancellationToken ct)
    {
        var parties = new List<SignOffParty>(2);
        if ((await ManagedUnitsAsync(user, ct)).Contains(scopeUnitId)) parties.Add(SignOffParty.Manager);
        if (user.IsIn(RegisterRoles.SafetyRep)) parties.Add(SignOffParty.SafetyRep);
        return parties;
    }
}
