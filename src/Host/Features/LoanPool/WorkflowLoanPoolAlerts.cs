using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Host.Features.LoanPool;

/// <summary>
/// The register's loan-pool alert as a workflow: each drop below a minimum starts <c>loan-pool-alert</c>
/// (workflows/loan-pool-alert.bpmn), whose user task "Fyll på lånepoolen" is the alert for Servicecenter and whose
/// journal is the record of it. The business key names the site when a site went short (where devices must go),
/// else the model. The register calls this after its change has been committed.
/// </summary>
internal sealed partial class WorkflowLoanPoolAlerts(IServiceProvider services, ILogger<WorkflowLoanPoolAlerts> logger) : ILoanPoolAlerts
{
    public const string DefinitionKey = "loan-pool-alert";

    public async Task BelowMinimumAsync(LoanPoolShortage shortage, CancellationToken ct = default)
    {
        var start = new StartInstance(DefinitionKey, shortage.Site ?? shortage.Model, Variables(shortage));
        try
        {
            // Resolved per call, not injected: the engine's activities use the register, so injecting the engine here would
            // make a cycle (engine → activities → register → alerts → engine).
            var instance = await services.GetRequiredService<IWorkflowEngine>().StartAsync(start, Caller.System, ct);
            LogStarted(shortage.Model, shortage.Site, instance.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The register's change is committed: failing now would report a done change as failed, and a retry by the
            // caller would find nothing to do. The register's audit entry (BelowMinimum) still records the drop.
            LogNotStarted(e, shortage.Model, shortage.Site);
        }
    }

    /// <summary><c>model, available, minimum</c> for the model's level; <c>site, siteAvailable, siteMinimum</c> for the site's.</summary>
    private static JsonObject Variables(LoanPoolShortage shortage)
    {
        var variables = new JsonObject { ["model"] = shortage.Model };
        if (shortage.ModelLevel is { } model)
        {
            variables["available"] = model.Available;
            variables["minimum"] = model.Minimum;
        }
        if (shortage is { Site: { } site, SiteLevel: { } level })
        {
            variables["site"] = site;
            variables["siteAvailable"] = level.Available;
            variables["siteMinimum"] = level.Minimum;
        }
        return variables;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan pool below minimum (model {Model}, site {Site}): started instance {InstanceId}")]
    private partial void LogStarted(string model, string? site, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loan pool below minimum (model {Model}, site {Site}), but the alert workflow could not be started")]
    private partial void LogNotStarted(Exception error, string model, string? site);
}
