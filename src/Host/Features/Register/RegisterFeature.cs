using RJH.DeviceWorkflows.Host.Features.LoanPool;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Host.Features.Register;

internal static class RegisterFeature
{
    /// <summary>The device register (section <c>Register</c>), its migration on start, its problem details and its loan-pool alerts as a workflow.</summary>
    public static IServiceCollection AddRegisterFeature(this IServiceCollection services, IConfiguration configuration)
    {
        // Before AddRegister, which adds its logging default only when no alert is registered.
        services.AddSingleton<ILoanPoolAlerts, WorkflowLoanPoolAlerts>();
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
        .MapAuditEndpoints()
        .MapDeviceExportEndpoints();
}

/// <summary>Brings the register's tables to the current schema before the host takes requests.</summary>
internal sealed class RegisterStoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateRegisterAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
