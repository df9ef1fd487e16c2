using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    /// <summary>
    /// Looks for an error boundary event from the raising token outwards: its own activity, then each
    /// enclosing sub-process or multi-instance activity, then the call activity of a parent instance.
    /// Uncaught, the token stays at the element that raised it with an incident (as Camunda does), so a
    /// person can retry it, resolve it or cancel the instance.
    /// </summary>
    private async Task RaiseErrorAsync(Token token, string code, string? message, CancellationToken ct)
    {
        ctx.Journal(Id, "ErrorRaised", token.ElementId, $"code '{code}'", actor: "engine");
        if (FindCatcher(token, code) is var (at, catcher))
        {
            var scopeId = at.ScopeId;
            await RemoveTokenAsync(at, ct);
            ctx.Journal(Id, "ErrorCaught", catcher.Id, $"code '{code}'", actor: "engine");
            NewToken(catcher.Id, scopeId, TokenPhase.Arrived);
            return;
        }

        if (await CallerCatchesAsync(code, ct) && await ParentAsync(ct) is { } parent)
        {
            State.Tokens.Remove(token);
            await EndAsync(InstanceStatus.Faulted, notifyParent: false, ct);
            ctx.Journal(Id, "ErrorPropagated", null, $"code '{code}' to the calling instance", actor: "engine");
            await parent.OnChildErrorAsync(Record.ParentTokenId!, code, message, ct);
            return;
        }

        await FailAsync(token, $"Uncaught BPMN error '{code}'{(string.IsNullOrEmpty(message) ? "" : ": " + message)}", ct, errorCode: code);
    }

    /// <summary>The token (or the one owning its scope, outwards) whose activity has a boundary for the code.</summary>
    private (Token At, BoundaryEvent Catcher)? FindCatcher(Token token, string code)
    {
        for (var current = token; current is not null;)
        {
            var catcher = current.Iteration ? null : FindErrorBoundary(current.ElementId, code);
            if (catcher is not null) return (current, catcher);
            var scope = FindScope(current.ScopeId);
            current = scope is null ? null : FindToken(scope.OwnerTokenId);
        }
        return null;
    }

    /// <summary>Whether a calling instance, or one calling that, catches the code at its call activity or around it.</summary>
    private async Task<bool> CallerCatchesAsync(string code, CancellationToken ct)
    {
        if (await ParentAsync(ct) is not { } parent || parent.FindToken(Record.ParentTokenId!) is not { } callToken) return false;
        return parent.FindCatcher(callToken, code) is not null || await parent.CallerCatchesAsync(code, ct);
    }

    /// <summary>An error boundary with the exact code wins over one that catches every error.</summary>
    private BoundaryEvent? FindErrorBoundary(string activityId, string code)
    {
        var candidates = Model.BoundaryEvents[activityId].Where(b => b.Trigger.Kind == EventTriggerKind.Error).ToList();
        return candidates.FirstOrDefault(b => b.Trigger.ErrorCode == code)
            ?? candidates.FirstOrDefault(b => string.IsNullOrEmpty(b.Trigger.ErrorCode));
    }
}
