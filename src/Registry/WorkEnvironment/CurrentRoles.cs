namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>
/// The caller as the register knows them now. A token carries the roles it was issued with; the roles that open
/// assessments and agreements (Manager, HR, SafetyRep) are the ones the register gives the person now, so removing a
/// role, or flagging someone for offboarding, takes effect at once and not when the token expires.
/// </summary>
internal sealed class CurrentRoles(IRegisterDirectory directory)
{
    private static readonly string[] HeldInRegister = [RegisterRoles.Manager, RegisterRoles.HR, RegisterRoles.SafetyRep];

    public async Task<RegisterUser> OfAsync(RegisterUser user, CancellationToken ct)
    {
        // The system (workflow steps) and the admin account act by configuration, not by a place in the organisation.
        if (ReferenceEquals(user, RegisterUser.System) || user.IsAdmin) return user;
        var person = await directory.FindPersonByUserNameAsync(user.UserName, ct);
        IReadOnlyCollection<string> held = person is null || person.FlaggedForOffboarding ? [] : person.Roles;
        var roles = user.Roles.Where(r => !HeldInRegister.Contains(r))
            .Concat(held.Where(HeldInRegister.Contains)).ToHashSet(StringComparer.Ordinal);
        return roles.SetEquals(user.Roles) ? user : user with { Roles = roles };
    }
}
