using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>
/// Every part's tables (engine, register, policies, work environment) reachable and at the schema this build
/// expects: a pending migration means another instance is migrating, or this one is newer than the database.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, DatabaseParts parts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var part in parts.ContextTypes)
        {
            // The description names the part only: a provider's exception can carry the connection string.
            if (await ProblemOfAsync(part, cancellationToken) is { } problem)
                problems.Add($"{DatabaseParts.NameOf(part)}: {problem}");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{parts.ContextTypes.Count} schemas current.")
            : HealthCheckResult.Unhealthy(string.Join("; ", problems) + ".");
    }

    private async Task<string?> ProblemOfAsync(Type part, CancellationToken ct)
    {
        try
        {
            await using var db = await DatabaseParts.CreateAsync(services, part, ct);
            if (!await db.Database.CanConnectAsync(ct)) return "cannot connect";
            return (await db.Database.GetPendingMigrationsAsync(ct)).Any() ? "migrations pending" : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return "cannot read the schema";
        }
    }
}
