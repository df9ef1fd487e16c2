namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Settings of the section "Authentication:Oidc": how the claims of Entra ID (or any OpenID Connect provider)
/// become ours. The provider itself (authority, client, audience) is configured under "AzureAd", the section
/// Microsoft.Identity.Web reads.
/// </summary>
internal sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The claim holding the sign-in name shown in the app and recorded in journals.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>The claim holding the employee id that ties the person to the register (an Entra ID optional claim
    /// or a directory extension); a person without it cannot sign in.</summary>
    public string EmployeeIdClaim { get; set; } = "employeeid";

    /// <summary>The claim holding the provider's roles (Entra ID app roles arrive as "roles").</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Provider role → our role (<see cref="AppRoles"/>); provider roles not listed are ignored.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Roles everyone who signs in has: self-service.</summary>
    public string[] BaseRoles { get; set; } = [AppRoles.Employee];

    /// <summary>The issuer tokens must carry when the authority is not Entra ID; by default the authority itself.</summary>
    public string? Issuer { get; set; }
}
