namespace RJH.DeviceWorkflows.Host.Features.Demo;

internal static class DemoFeature
{
    /// <summary>
    /// The demo organisation (section <c>Demo</c>) and the simulators' start from the register. Add it after the register
    /// feature: hosted services start in the order they were added, and both need the register's tables.
    /// </summary>
    public static IServiceCollection AddDemoFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<DemoDataSource>();
        services.AddSingleton<DemoRegisterWriter>();
        services.AddHostedService<DemoSeeder>();
        return services.AddHostedService<SimulatorSync>();
    }
}
