using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The checks every figures service makes first, whatever page or download calls it.</summary>
internal static class FigureAccess
{
    /// <exception cref="ForbiddenException">The caller is neither a manager nor an admin.</exception>
    /// <exception cref="ArgumentException">The period is the wrong way round or too long.</exception>
    public static async Task EnsureAsync(IAuthorizationService authorization, ClaimsPrincipal user, DashboardFilter filter)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Manager)).Succeeded)
            throw new ForbiddenException("Utfall och kostnader visas för chefer (sina enheter) och administratörer.");
        if (!filter.IsValid) throw new ArgumentException("Perioden ska börja före sitt slut och vara högst sex år.", nameof(filter));
    }
}
