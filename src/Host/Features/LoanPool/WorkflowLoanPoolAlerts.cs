using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Host.Features.LoanPool;

/// <summary>
/// The register's loan-pool alert as a workflow: each drop below a minimum starts <c>loan-pool-alert</c>
/// (workflows/loan-pool-alert.bpmn), whose user task "Fyll på lånepoolen" is the alert for Servicecenter and whose
/// journal is the record of it. The register calls this after its change has been committed.
/// </summary>
internal sealed partial class WorkflowLoanPoolAlerts(IServiceProvider services, ILogger<WorkflowLoanPoolAlerts> logger) : ILoanPoolAlerts
{
    public const string DefinitionKey = "loan-pool-alert";

    public async Task BelowMinimumAsync(string model, int available, int minimum, CancellationToken ct = default)
    {
        var start = new StartInstance(DefinitionKey, model, new JsonObject { ["model"] = model, ["available"] = available, ["minimum"] = minimum });
        try
        {
            // Resolved per call, not injected: the engine's activities use the register, so injecting the engine here would
            // make a cycle (engine → activities → register → alerts → engine).
            var instance = await services.GetRequiredService<IWorkflowEngine>().StartAsync(start, Caller.System, ct);
            LogStarted(model, available, minimum, instance.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The register's change is committed: failing now would report a done change as failed, and a retry by the
            // caller would find nothing to do. The register's audit entry (LoanPool, BelowMinimum) still records the drop.
            LogNotStarted(e, model, available, minimum);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan pool for {Model} below minimum ({Available} < {Minimum}): started instance {InstanceId}")]
    private partial void LogStarted(string model, int available, int minimum, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loan pool for {Model} below minimum ({Available} < {Minimum}), but the alert workflow could not be started")]
    private partial void LogNotStarted(Exception error, string model, int available, int minimum);
}
