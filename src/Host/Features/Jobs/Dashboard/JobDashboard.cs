using Hangfire;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

internal static class JobDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Hangfire's dashboard at <see cref="Path"/>, admins only, when Hangfire runs the jobs. Call before
    /// <c>UseAuthorization</c>: the dashboard signs callers in itself (<see cref="DashboardSignIn"/>), and the API's
    /// fallback policy (bearer only) would refuse a browser that brings the dashboard cookie.
    /// </summary>
    public static WebApplication UseJobDashboard(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<JobSettings>().UsesHangfire) return app;

        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), dashboard => dashboard.UseMiddleware<DashboardSignIn>());
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            // Replaces Hangfire's default filter, which admits any local request.
            Authorization = [new DashboardAdminFilter()],
            AppPath = "/",
            DashboardTitle = "RJH Device Workflows: jobs",
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
