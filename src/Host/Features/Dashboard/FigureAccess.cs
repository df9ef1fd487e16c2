using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The checks every figures service makes first, whatever page or download calls it.</summary>
internal static class FigureAccess
{
    /// <param name="policy">The page's policy: <see cref="Policies.Manager"/> for the outcomes, <see cref="Policies.Costs"/> for costs.</param>
    /// <exception cref="ForbiddenException">The caller does not meet the policy.</exception>
    /// <exception cref="ArgumentException">The period is the wrong way round or too long.</exception>
    public static async Task EnsureAsync(IAuthorizationService authorization, ClaimsPrincipal user, DashboardFilter filter,
        string policy = Policies.Manager)
    {
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            throw new ForbiddenException(policy == Policies.Costs
                ? "Kostnader visas för chefer (sina enheter), ekonomi och administratörer."
                : "Utfall visas för chefer (sina enheter) och administratörer.");
        if (!filter.IsValid) throw new ArgumentException("Perioden ska börja före sitt slut och vara högst sex år.", nameof(filter));
    }
}
