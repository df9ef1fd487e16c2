using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    /// <summary>Subscribes the token to a timer or message on behalf of a catch or boundary event.</summary>
    private void AddWait(Token token, FlowNode eventNode, EventTrigger trigger)
    {
        var wait = new Wait { Id = Guid.CreateVersion7(ctx.Now), TokenId = token.Id, ElementId = eventNode.Id };
        switch (trigger.Kind)
        {
            case EventTriggerKind.Timer:
                var timer = trigger.Timer!;
                var text = TimerSchedule.IsIso(timer.Kind, timer.Text) ? timer.Text
                    : EvaluateText(timer.Text, token.ScopeId) ?? throw new StepFailedException($"The timer of '{eventNode.Id}' evaluated to nothing.");
                TimerSchedule schedule;
                try { schedule = TimerSchedule.Parse(timer.Kind, text, ctx.Now); }
                catch (FormatException e) { throw new StepFailedException($"The timer of '{eventNode.Id}': {e.Message}", e); }
                wait.Kind = WaitKind.Timer;
                wait.DueAt = schedule.DueAt;
                wait.RemainingRepetitions = schedule.RemainingRepetitions;
                wait.Interval = schedule.Interval;
                break;
            case EventTriggerKind.Message:
                wait.Kind = WaitKind.Message;
                wait.MessageName = trigger.MessageName;
                wait.CorrelationKey = trigger.CorrelationKey is null ? null : EvaluateText(trigger.CorrelationKey, token.ScopeId);
                break;
            default:
                return;
        }
        State.Waits.Add(wait);
    }

    private void AddBoundaryWaits(Token token, Activity activity)
    {
        foreach (var boundary in Model.BoundaryEvents[activity.Id])
            AddWait(token, boundary, boundary.Trigger);
    }

    private void RemoveWaitsOf(Token token) => State.Waits.RemoveAll(w => w.TokenId == token.Id);

    /// <summary>A timer fell due or a message arrived for one of this instance's waits. False when it no longer waits.</summary>
    public async Task<bool> TriggerAsync(Guid waitId, JsonObject? variables, CancellationToken ct)
    {
        var wait = State.Waits.Find(w => w.Id == waitId);
        var token = wait is null ? null : FindToken(wait.TokenId);
        if (wait is null || token is null || !IsActive) return false;
        RefuseDerived(variables, "a message");

        ctx.Journal(Id, wait.Kind == WaitKind.Timer ? "TimerFired" : "MessageCorrelated", wait.ElementId,
            wait.Kind == WaitKind.Message ? $"{wait.MessageName} [{wait.CorrelationKey}]" : null);
        var node = Model.Node(wait.ElementId);
        if (node is ServiceTask && token.ElementId == node.Id && token.JobId is not null)
        {
            await ResumeDeferredJobAsync(wait, token, ct);
            return true;
        }
        if (node is BoundaryEvent boundary)
        {
            SetVariables(token.ScopeId, variables);
            var scopeId = token.ScopeId;
            if (boundary.CancelActivity) await RemoveTokenAsync(token, ct);
            else RescheduleOrRemove(wait);
            NewToken(boundary.Id, scopeId, TokenPhase.Arrived);
        }
        else
        {
            // An intermediate catch event, or one target of an event-based gateway: the first to fire wins.
            RemoveWaitsOf(token);
            SetVariables(token.ScopeId, variables);
            if (token.ElementId != node.Id)
            {
                ctx.Journal(Id, "ElementLeft", token.ElementId, actor: "engine");
                token.ElementId = node.Id;
                ctx.Journal(Id, "ElementEntered", node.Id, actor: "engine");
            }
            Complete(token);
        }
        await RunAsync(ct);
        return true;
    }

    /// <summary>A non-interrupting cycle timer stays for its next occurrence; a plain timer is used up.</summary>
    private void RescheduleOrRemove(Wait wait)
    {
        if (wait.Kind == WaitKind.Message) return;
        var next = TimerSchedule.Next(wait.DueAt!.Value, wait.RemainingRepetitions, wait.Interval);
        if (next is null)
        {
            State.Waits.Remove(wait);
            return;
        }
        wait.DueAt = next.DueAt;
        wait.RemainingRepetitions = next.RemainingRepetitions;
    }

    /// <summary>
    /// Removes a token and everything hanging off it: its waits, its open task, the scopes it owns
    /// (a sub-process's inner tokens, multi-instance iterations) and a called child instance.
    /// </summary>
    private async Task RemoveTokenAsync(Token token, CancellationToken ct)
    {
        RemoveWaitsOf(token);
        State.Tokens.Remove(token);
        await CloseIncidentsOfRemovedAsync(token, ct);
        if (token.TaskId is { } taskId)
        {
            var task = await ctx.Tx.LoadTaskAsync(taskId, ct);
            if (task is { Status: UserTaskStatus.Open }) task.Status = UserTaskStatus.Cancelled;
        }
        if (token.ChildInstanceId is { } childId && await ctx.TryLoadAsync(childId, ct) is { } child && child.IsActive)
            await child.EndAsync(InstanceStatus.Cancelled, notifyParent: false, ct);
        foreach (var scope in State.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            foreach (var inner in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
                await RemoveTokenAsync(inner, ct);
            State.Scopes.Remove(scope);
        }
        if (token.Phase != TokenPhase.Completed)
            ctx.Journal(Id, "ElementCancelled", token.ElementId, actor: "engine");
    }

    /// <summary>Cancels the instance (and instances it called) with everything waiting in it.</summary>
    public async Task CancelAsync(CancellationToken ct)
    {
        if (!IsActive) throw new ConflictException($"Instance {Id} has already ended ({Record.Status}).");
        await EndAsync(InstanceStatus.Cancelled, notifyParent: true, ct);
    }

    private async Task EndAsync(InstanceStatus status, bool notifyParent, CancellationToken ct)
    {
        foreach (var token in State.Tokens.ToList()) await RemoveTokenAsync(token, ct);
        State.Scopes.Clear();
        await FinishAsync(status, ct, notifyParent);
    }
}
