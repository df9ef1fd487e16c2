using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RJH.DeviceWorkflows.Host.Features.Jobs;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>Hangfire's storage answers (a job and timer cannot be queued otherwise); the in-process runner has none.</summary>
internal sealed class JobStorageHealthCheck(JobSettings settings, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.UsesHangfire) return HealthCheckResult.Healthy("In-process job runner.");
        var storage = services.GetRequiredService<JobStorage>();
        try
        {
            // Hangfire's storage API is synchronous.
            var servers = await Task.Run(() => storage.GetMonitoringApi().Servers().Count, cancellationToken);
            return HealthCheckResult.Healthy($"Hangfire storage answers; {servers} server(s).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Hangfire storage does not answer.");
        }
    }
}
