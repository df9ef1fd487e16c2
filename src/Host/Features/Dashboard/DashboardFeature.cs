using RJH.DeviceWorkflows.Host.Features.Costs;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

internal static class DashboardFeature
{
    /// <summary>The outcome dashboard (<c>/dashboard</c>) and the cost page (<c>/costs</c>, prices from section <c>Costs</c>), with their Excel downloads.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOutcomeDashboard, OutcomeDashboard>();
        services.AddScoped<ICostOverview, CostOverview>();
        services.AddOptions<CostOptions>().Bind(configuration.GetSection(CostOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app) => app.MapDashboardExport().MapCostsExport();
}
