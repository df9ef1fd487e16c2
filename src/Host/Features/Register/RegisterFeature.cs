using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Register;

internal static class RegisterFeature
{
    /// <summary>The device register (section <c>Register</c>), its migration on start and its problem details.</summary>
    public static IServiceCollection AddRegisterFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegister(configuration);
        services.AddHostedService<RegisterStoreStartup>();
        services.AddExceptionHandler<RegisterExceptionHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder app) => app
        .MapDeviceEndpoints()
        .MapSubscriptionEndpoints()
        .MapExtensionEndpoints()
        .MapLoanPoolEndpoints()
        .MapOrgEndpoints()
        .MapAuditEndpoints();
}

/// <summary>Brings the register's tables to the current schema before the host takes requests.</summary>
internal sealed class RegisterStoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateRegisterAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
