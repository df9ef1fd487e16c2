namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

internal static class DashboardFeature
{
    /// <summary>The outcome dashboard (<c>/dashboard</c>) and its Excel download.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services) =>
        services.AddScoped<IOutcomeDashboard, OutcomeDashboard>();

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app) => app.MapDashboardExport();
}
