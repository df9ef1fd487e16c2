namespace RJH.DeviceWorkflows.Host.Features.SelfService;

internal static class SelfServiceFeature
{
    public static IServiceCollection AddSelfService(this IServiceCollection services) => services
        .AddScoped<SelfServiceQueries>()
        .AddScoped<DeviceOrdering>()
        .AddScoped<DeviceReports>();
}
