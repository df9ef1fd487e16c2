namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// The claims every sign-in route yields (demo bearer, demo cookie, OpenID Connect): the user name
/// (<see cref="System.Security.Claims.ClaimTypes.Name"/>), the roles (<see cref="System.Security.Claims.ClaimTypes.Role"/>)
/// and the employee id below, which ties the person to the register.
/// </summary>
internal static class AppClaims
{
    public const string EmployeeId = "rjh:employee_id";
}

/// <summary>The authentication schemes of the Host.</summary>
internal static class AuthSchemes
{
    /// <summary>Picks the scheme per request: bearer tokens under /api, the cookie for pages.</summary>
    public const string Default = "Rjh";

    /// <summary>The pages' sign-in cookie (set by demo sign-in, or by OpenID Connect in that mode).</summary>
    public const string Cookie = "RjhCookie";
}
