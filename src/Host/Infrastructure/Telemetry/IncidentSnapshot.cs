using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>
/// Counts open incidents now and then for the gauge: a metrics export must not query the database on its own
/// thread, and an incident is news for minutes, not milliseconds.
/// </summary>
internal sealed class IncidentSnapshot(IWorkflowQueries queries, EngineMetrics metrics, TelemetrySettings settings,
    ILogger<IncidentSnapshot> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SnapshotInterval);
        do
        {
            try
            {
                var incidents = await queries.ListIncidentsAsync(Caller.System, stoppingToken);
                metrics.OpenIncidents(incidents.GroupBy(i => i.DefinitionKey).ToDictionary(g => g.Key, g => g.Count()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not count open incidents for telemetry; trying again in {Interval}.", settings.SnapshotInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
