using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

/// <summary>
/// Admits admins only. The dashboard sits outside the API's authorization (it is middleware, not an endpoint), so
/// it signs the caller in itself: a bearer token in the Authorization header, else the dashboard cookie.
/// </summary>
internal sealed class DashboardAdminFilter(DashboardCookie cookie) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var bearer = await http.AuthenticateAsync(DemoBearerHandler.SchemeName);
        // A bad bearer token is refused even when a cookie is there too: the caller meant the token.
        var user = bearer.Succeeded ? bearer.Principal : bearer.Failure is null ? cookie.Read(http) : null;
        if (user is null) return false;

        // Hangfire answers 403 instead of 401 when it sees a signed-in user.
        http.User = user;
        return user.IsInRole(AppRoles.Admin);
    }
}
