namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;

/// <summary>The demo users as the Host passes them to the register: name and roles.</summary>
public static class DemoUsers
{
    public static RegisterUser Anna { get; } = User("anna.chef", RegisterRoles.Manager);
    public static RegisterUser Olle { get; } = User("olle.chef", RegisterRoles.Manager);
    public static RegisterUser Erik { get; } = User("erik.anstalld");
    public static RegisterUser Maja { get; } = User("maja.mobil");
    public static RegisterUser Sara { get; } = User("sara.skyddsombud", RegisterRoles.SafetyRep);
    public static RegisterUser Hanna { get; } = User("hanna.hr", RegisterRoles.HR);
    public static RegisterUser Sam { get; } = User("sam.service", RegisterRoles.ServiceCenter);

    /// <summary>An admin without the HR role: sees everything, but personnummer only masked.</summary>
    public static RegisterUser Admin { get; } = User("admin", RegisterRoles.Admin);

    /// <summary>The roles the register gives a demo user (access checks read these, not the caller's token).</summary>
    public static IReadOnlyList<string> RolesOf(string userName) =>
        new[] { Anna, Olle, Erik, Maja, Sara, Hanna, Sam, Admin }.FirstOrDefault(u => u.UserName == userName)?.Roles.ToList()
        ?? [RegisterRoles.Employee];

    private static RegisterUser User(string name, params string[] roles) =>
        new(name, new HashSet<string>([.. roles, RegisterRoles.Employee], StringComparer.OrdinalIgnoreCase));
}
