using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it when not). <c>/health/ready</c>: it can serve, i.e. started,
/// database and job storage usable (take it out of the load balancer when not). Both anonymous, so their answers
/// hold only check names, states and descriptions written here, never an exception or a setting.
/// </summary>
internal static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddOperationalHealth(this IServiceCollection services)
    {
        services.AddSingleton(DatabaseParts.From(services));
        services.AddHealthChecks()
            .AddCheck<StartupHealthCheck>("startup", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<JobStorageHealthCheck>("jobStorage", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<AdapterHealthCheck>("adapters", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapOperationalHealth(this IEndpointRouteBuilder app)
    {
        // Liveness runs no check: a slow database must not get a healthy process restarted.
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/live", live).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "The check failed.",
                durationMs = (int)e.Value.Duration.TotalMilliseconds,
            }),
        }, JsonSerializerOptions.Web));
    }
}
