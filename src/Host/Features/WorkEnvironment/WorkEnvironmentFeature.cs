using RJH.DeviceWorkflows.Registry.WorkEnvironment;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

internal static class WorkEnvironmentFeature
{
    /// <summary>Risk assessments and remote-work agreements, with their tables migrated on start.</summary>
    public static IServiceCollection AddWorkEnvironmentFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkEnvironment(configuration);
        services.AddHostedService<WorkEnvironmentStartup>();
        services.AddScoped<IRolloutHolds, RolloutHolds>();
        services.AddScoped<AgreementNotices>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkEnvironmentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapRiskAssessmentEndpoints().MapRemoteWorkAgreementEndpoints();
}

/// <summary>Brings the work-environment tables to the current schema before the host serves requests.</summary>
internal sealed class WorkEnvironmentStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateWorkEnvironmentAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
