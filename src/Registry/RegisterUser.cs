namespace RJH.DeviceWorkflows.Registry;

/// <summary>
/// Who asks the register for something: the signed-in user's name and roles. The register decides
/// what they may see and change from these and the unit tree, never from ids in a URL.
/// </summary>
public sealed record RegisterUser(string UserName, IReadOnlySet<string> Roles)
{
    /// <summary>Workflow steps and imports run by the system itself.</summary>
    public static RegisterUser System { get; } = new("system", new HashSet<string>(StringComparer.Ordinal) { RegisterRoles.Admin });

    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAdmin => IsIn(RegisterRoles.Admin);

    /// <summary>ServiceCenter and admin see and change the whole register.</summary>
    public bool SeesWholeRegister => IsAdmin || IsIn(RegisterRoles.ServiceCenter);
}

/// <summary>Role names as the Host and the BPMN files spell them.</summary>
public static class RegisterRoles
{
    public const string Admin = "Admin";
    public const string ProcessOwner = "ProcessOwner";
    public const string Manager = "Manager";
    public const string ServiceCenter = "ServiceCenter";
    public const string SafetyRep = "SafetyRep";
    public const string HR = "HR";
    /// <summary>Finance (ekonomi): reads the costs of the whole region, nothing else.</summary>
    public const string Finance = "Finance";
    public const string Employee = "Employee";
}
