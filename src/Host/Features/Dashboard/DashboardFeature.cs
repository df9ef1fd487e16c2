using RJH.DeviceWorkflows.Host.Features.Costs;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

internal static class DashboardFeature
{
    /// <summary>The outcome dashboard (<c>/dashboard</c>) and the cost page (<c>/costs</c>, prices from section <c>Costs</c>), with their Excel downloads.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOutcomeDashboard, OutcomeDashboard>();
        services.AddScoped<ICostOverview, CostOverview>();
        var costs = configuration.GetSection(CostOptions.Section);
        services.AddOptions<CostOptions>().Bind(costs).Configure(options =>
        {
            // Binding appends configured models to the defaults; configured models replace them instead.
            var models = costs.GetSection(nameof(CostOptions.Models));
            if (models.Exists()) options.Models = models.Get<List<OrganisationModel>>() ?? [];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app) => app.MapDashboardExport().MapCostsExport();
}
