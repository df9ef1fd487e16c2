using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

/// <summary>
/// The dashboard's browser sign-in: a short-lived, HttpOnly cookie scoped to the dashboard's path, holding the
/// user name protected with Data Protection. Like the bearer token it carries no roles: they are looked up on
/// every request, so an admin who loses the role loses the dashboard at once.
/// </summary>
internal sealed class DashboardCookie(IDataProtectionProvider provider, DemoUserDirectory users,
    IOptions<AuthenticationSettings> settings)
{
    public const string Name = "rjh.dashboard";
    public const string AuthenticationType = "DashboardCookie";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector protector =
        provider.CreateProtector("RJH.DeviceWorkflows.HangfireDashboard.v1").ToTimeLimitedDataProtector();

    /// <remarks>
    /// SameSite=Lax rather than Strict: an admin following a link to the dashboard (a cross-site navigation) still
    /// arrives signed in, while cross-site POSTs, which are what the dashboard's buttons send, carry no cookie.
    /// </remarks>
    public void Issue(HttpContext http, DemoUser user)
    {
        var value = protector.Protect(user.Name, DateTimeOffset.UtcNow + Lifetime);
        http.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = http.Request.PathBase + JobDashboard.Path,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The signed-in user of a request that carries a valid cookie; null otherwise.</summary>
    public ClaimsPrincipal? Read(HttpContext http)
    {
        if (!settings.Value.IsDemo || !http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
            return null;
        string name;
        try
        {
            name = protector.Unprotect(value, out _);
        }
        catch (CryptographicException)
        {
            return null; // tampered, expired, or from another key ring
        }
        catch (FormatException)
        {
            return null;
        }
        return users.TryFind(name, out var user) ? user.ToPrincipal(AuthenticationType) : null;
    }
}
