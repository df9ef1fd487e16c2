using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Turns the claims of an OpenID Connect sign-in or an access token into the claims every sign-in route yields
/// (<see cref="AppClaims"/>): the user name, the employee id and our roles through the configured table. Only
/// those three survive, so nothing else the provider sends reaches the cookie or the engine.
/// </summary>
internal sealed class OidcClaimsMapper(IOptionsMonitor<OidcSettings> settings)
{
    /// <summary>Our principal, or null with the reason when the provider's claims do not identify a person.</summary>
    public ClaimsPrincipal? Map(ClaimsPrincipal external, string authenticationType, out string? failure)
    {
        var options = settings.CurrentValue;
        var userName = Value(external, options.UserNameClaim);
        var employeeId = Value(external, options.EmployeeIdClaim);
        failure = userName is null ? $"The sign-in carries no '{options.UserNameClaim}' claim."
            : employeeId is null ? $"The sign-in carries no '{options.EmployeeIdClaim}' claim (the employee id)."
            : null;
        if (failure is not null) return null;

        var roles = options.BaseRoles
            .Concat(All(external, options.RoleClaim).Select(c => options.RoleMap.GetValueOrDefault(c.Value)).OfType<string>())
            .Where(role => AppRoles.All.Contains(role, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var claims = new List<Claim> { new(ClaimTypes.Name, userName!), new(AppClaims.EmployeeId, employeeId!) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static string? Value(ClaimsPrincipal principal, string type) =>
        All(principal, type).Select(c => c.Value.Trim()).FirstOrDefault(value => value.Length > 0);

    /// <summary>The claims of <paramref name="type"/> under its own name or the long name a token handler that maps
    /// inbound claims gives it ("roles" becomes <see cref="ClaimTypes.Role"/>), whichever the handler did.</summary>
    private static IEnumerable<Claim> All(ClaimsPrincipal principal, string type) =>
        JsonWebTokenHandler.DefaultInboundClaimTypeMap.TryGetValue(type, out var mapped)
            ? principal.FindAll(type).Concat(principal.FindAll(mapped))
            : principal.FindAll(type);
}
