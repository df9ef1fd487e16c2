using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    /// <summary>
    /// Looks for an error boundary event from the raising token outwards: its own activity, then each
    /// enclosing sub-process or multi-instance activity, then the call activity of a parent instance.
    /// Uncaught, the instance fails with an incident.
    /// </summary>
    private async Task RaiseErrorAsync(Token token, string code, string? message, CancellationToken ct)
    {
        ctx.Journal(Id, "ErrorRaised", token.ElementId, $"code '{code}'", actor: "engine");
        for (var current = token; current is not null;)
        {
            var catcher = current.Iteration ? null : FindErrorBoundary(current.ElementId, code);
            if (catcher is not null)
            {
                var scopeId = current.ScopeId;
                await RemoveTokenAsync(current, ct);
                ctx.Journal(Id, "ErrorCaught", catcher.Id, $"code '{code}'", actor: "engine");
                NewToken(catcher.Id, scopeId, TokenPhase.Arrived);
                return;
            }
            var scope = FindScope(current.ScopeId);
            current = scope is null ? null : FindToken(scope.OwnerTokenId);
        }

        if (Record.ParentInstanceId is { } parentId && Record.ParentTokenId is { } parentToken
            && await ctx.TryLoadAsync(parentId, ct) is { } parent)
        {
            State.Tokens.Remove(token);
            await EndAsync(InstanceStatus.Faulted, notifyParent: false, ct);
            ctx.Journal(Id, "ErrorPropagated", null, $"code '{code}' to the calling instance", actor: "engine");
            await parent.OnChildErrorAsync(parentToken, code, message, ct);
            return;
        }

        Fail(token, $"Uncaught BPMN error '{code}'{(string.IsNullOrEmpty(message) ? "" : ": " + message)}");
        State.Tokens.Remove(token);
        await EndAsync(InstanceStatus.Faulted, notifyParent: false, ct);
    }

    /// <summary>An error boundary with the exact code wins over one that catches every error.</summary>
    private BoundaryEvent? FindErrorBoundary(string activityId, string code)
    {
        var candidates = Model.BoundaryEvents[activityId].Where(b => b.Trigger.Kind == EventTriggerKind.Error).ToList();
        return candidates.FirstOrDefault(b => b.Trigger.ErrorCode == code)
            ?? candidates.FirstOrDefault(b => string.IsNullOrEmpty(b.Trigger.ErrorCode));
    }
}
