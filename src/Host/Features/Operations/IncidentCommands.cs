using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Features.Operations;

public enum IncidentAction { Retry, Resolve }

/// <param name="Failed">Per incident that was refused, the resource key of why (Error_Conflict, ...).</param>
public sealed record IncidentOutcome(int Done, IReadOnlyDictionary<Guid, string> Failed);

/// <summary>
/// Retries or resolves incidents through the engine, as <c>POST /api/incidents/{id}/retry|resolve</c> do, one command
/// each: one refused (already handled elsewhere) does not stop the others. The engine checks the caller is an admin.
/// </summary>
public static class IncidentCommands
{
    public static async Task<IncidentOutcome> RunAsync(IWorkflowEngine engine, IncidentAction action, IEnumerable<Guid> incidents,
        JsonObject? variables, Caller caller, CancellationToken ct = default)
    {
        var done = 0;
        var failed = new Dictionary<Guid, string>();
        foreach (var id in incidents)
        {
            try
            {
                // Each command gets its own copy: the engine keeps what it is given.
                var copy = (JsonObject?)variables?.DeepClone();
                if (action == IncidentAction.Retry) await engine.RetryIncidentAsync(id, copy, caller, ct);
                else await engine.ResolveIncidentAsync(id, copy, caller, ct);
                done++;
            }
            catch (WorkflowException e)
            {
                failed[id] = ErrorKey(e);
            }
        }
        return new IncidentOutcome(done, failed);
    }

    /// <summary>The resource key (in <c>OperationsText</c>) that words a refusal of the engine.</summary>
    public static string ErrorKey(WorkflowException e) => e switch
    {
        ConflictException => "Error_Conflict",
        ForbiddenException => "Error_Forbidden",
        NotFoundException => "Error_NotFound",
        TooLargeException => "Error_TooLarge",
        _ => "Error_Invalid",
    };
}
