using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Keeps a page session in step with the user directory, as the bearer handler does per request: a
/// demo user removed from the directory is signed out, changed roles apply at the next request.
/// </summary>
internal sealed class DemoCookieEvents(IOptions<AuthenticationSettings> settings, DemoUserDirectory users) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!settings.Value.IsDemo || context.Principal?.Identity?.AuthenticationType != AuthSchemes.Cookie) return;
        if (!users.TryFind(context.Principal.Identity.Name, out var user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }
        var current = user.ToPrincipal(AuthSchemes.Cookie);
        if (!SameRoles(context.Principal, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool SameRoles(System.Security.Claims.ClaimsPrincipal a, System.Security.Claims.ClaimsPrincipal b) =>
        Roles(a).SetEquals(Roles(b));

    private static HashSet<string> Roles(System.Security.Claims.ClaimsPrincipal p) =>
        p.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
