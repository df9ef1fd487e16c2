using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>
/// Not ready until the host has started: the database migrations, the outbox re-dispatch and the seeding all run
/// in hosted services before <see cref="IHostApplicationLifetime.ApplicationStarted"/>, and a request served in
/// between would meet a half-built schema.
/// </summary>
internal sealed class StartupHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("Started.")
            : HealthCheckResult.Unhealthy("Starting: database migrations and seeding are running."));
}
