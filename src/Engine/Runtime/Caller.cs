namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Who issues a command. Authorisation decisions in the engine use only this.</summary>
public sealed record Caller(string UserName, IReadOnlySet<string> Roles)
{
    public const string AdminRole = "Admin";
    public bool IsAdmin => Roles.Contains(AdminRole);
    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>The engine itself (timers, call activities).</summary>
    public static readonly Caller System = new("system", new HashSet<string> { AdminRole });
}
