using Hangfire.Dashboard;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

/// <summary>
/// Admits admins only; <see cref="DashboardSignIn"/> has signed the caller in. Hangfire answers 401 to an anonymous
/// caller and 403 to a signed-in one this refuses.
/// </summary>
internal sealed class DashboardAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(AppRoles.Admin);
}
