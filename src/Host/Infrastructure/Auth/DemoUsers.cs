using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>A person who can sign in without a password in demo mode.</summary>
internal sealed record DemoUser(string Name, IReadOnlyList<string> Roles)
{
    public bool IsAdmin => Roles.Contains(AppRoles.Admin, StringComparer.OrdinalIgnoreCase);

    /// <summary>The signed-in user as ASP.NET Core sees it; every demo sign-in route (bearer, dashboard cookie) builds it here.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        // In the demo organisation the employee id is the user name (docs/demo-data.md).
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(AppClaims.EmployeeId, Name) };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>
/// Demo users by name. Seeded in code; the configuration section "DemoUsers" adds users or replaces
/// one's roles (<c>"DemoUsers": { "nils.nilsson": ["Manager", "Employee"] }</c>, or a comma-separated
/// string, handy as an environment variable). An empty value removes the user.
/// </summary>
internal sealed class DemoUserOptions
{
    public const string Section = "DemoUsers";

    public Dictionary<string, string[]> Users { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = [.. AppRoles.All],
        ["process.owner"] = [AppRoles.ProcessOwner, AppRoles.Employee],
        ["anna.chef"] = [AppRoles.Manager, AppRoles.Employee],
        ["olle.chef"] = [AppRoles.Manager, AppRoles.Employee],
        ["karin.chef"] = [AppRoles.Manager, AppRoles.Employee],
        ["sam.service"] = [AppRoles.ServiceCenter, AppRoles.Employee],
        ["sara.skyddsombud"] = [AppRoles.SafetyRep, AppRoles.Employee],
        ["hanna.hr"] = [AppRoles.HR, AppRoles.Employee],
        ["fia.ekonomi"] = [AppRoles.Finance, AppRoles.Employee],
        ["erik.anstalld"] = [AppRoles.Employee],
        ["maja.mobil"] = [AppRoles.Employee],
    };

    /// <summary>Applies the configuration section over the seeded users (binding would append to the seeded arrays).</summary>
    public void Apply(IConfigurationSection section)
    {
        foreach (var entry in section.GetChildren())
        {
            var roles = entry.Value is not null
                ? entry.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : entry.GetChildren().Select(c => c.Value).OfType<string>().Where(r => r.Length > 0).ToArray();
            if (roles.Length == 0) Users.Remove(entry.Key);
            else Users[entry.Key] = roles;
        }
    }
}

internal sealed class DemoUserDirectory(IOptions<DemoUserOptions> options)
{
    public IEnumerable<DemoUser> All =>
        options.Value.Users.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new DemoUser(u.Key, u.Value));

    public bool TryFind(string? name, [NotNullWhen(true)] out DemoUser? user)
    {
        user = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        // Report the configured spelling so journal entries and assignees stay consistent.
        var match = options.Value.Users.FirstOrDefault(u => string.Equals(u.Key, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match.Key is null) return false;
        user = new DemoUser(match.Key, match.Value);
        return true;
    }
}
