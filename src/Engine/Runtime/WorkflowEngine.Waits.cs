using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class WorkflowEngine
{
    // ---- tasks ------------------------------------------------------------------------

    public async Task<TaskView> ClaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default)
    {
        await CommandAsync(caller, async ctx =>
        {
            var task = await LoadOpenTaskAsync(ctx, taskId, ct);
            if (task.Assignee == caller.UserName) return true;
            if (task.Assignee is not null)
            {
                // Who holds a task is for those who could have taken it (or oversee all); anyone else learns nothing.
                if (!SeesAll(caller) && !caller.HasAnyRole(TaskAccess.Roles(task)))
                    throw new ForbiddenException("The task is not for you.");
                throw new ConflictException($"The task is already claimed by {task.Assignee}.");
            }
            if (!TaskAccess.MayWork(task, caller)) throw new ForbiddenException("The task is not for you: you hold none of its roles.");
            task.Assignee = caller.UserName;
            // Loading the instance makes the claim race-safe: both claims bump its revision.
            await ctx.LoadAsync(task.InstanceId, ct);
            ctx.Journal(task.InstanceId, "TaskClaimed", task.ElementId);
            return true;
        }, ct);
        return await views.TaskAsync(taskId, ct);
    }

    public async Task<TaskView> UnclaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default)
    {
        await CommandAsync(caller, async ctx =>
        {
            var task = await LoadOpenTaskAsync(ctx, taskId, ct);
            if (task.Assignee is null) return true;
            if (task.Assignee != caller.UserName && !caller.IsAdmin) throw new ForbiddenException("Only the person who holds the task may give it back.");
            // A task the model gives to one named person has nobody to go back to.
            if (TaskAccess.Roles(task).Count == 0) throw new ConflictException("The task has no candidate roles to give it back to.");
            task.Assignee = null;
            await ctx.LoadAsync(task.InstanceId, ct);
            ctx.Journal(task.InstanceId, "TaskUnclaimed", task.ElementId);
            return true;
        }, ct);
        return await views.TaskAsync(taskId, ct);
    }

    public async Task<TaskView> CompleteTaskAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default)
    {
        await CommandAsync(caller, async ctx =>
        {
            var task = await LoadOpenTaskAsync(ctx, taskId, ct);
            if (!TaskAccess.MayWork(task, caller))
                throw new ForbiddenException(task.Assignee is null
                    ? "The task is not for you: you hold none of its roles."
                    : "The task is assigned to someone else.");
            var execution = await ctx.LoadAsync(task.InstanceId, ct);
            var submitted = (JsonObject?)variables?.DeepClone();
            codec.Personal.DropMaskedEchoes(submitted, execution.State.Variables);
            await execution.CompleteTaskAsync(task, submitted, ct);
            return true;
        }, ct);
        return await views.TaskAsync(taskId, ct);
    }

    private static bool SeesAll(Caller caller) => caller.IsAdmin || caller.Roles.Contains(ProcessOwnerRole);

    private static async Task<UserTaskRecord> LoadOpenTaskAsync(CommandContext ctx, Guid taskId, CancellationToken ct)
    {
        var task = await ctx.Tx.LoadTaskAsync(taskId, ct) ?? throw new NotFoundException($"Task {taskId} does not exist.");
        return task.Status == UserTaskStatus.Open ? task
            : throw new ConflictException($"The task is already {task.Status.ToString().ToLowerInvariant()}.");
    }

    // ---- messages ---------------------------------------------------------------------

    public async Task<int> CorrelateMessageAsync(string name, string? correlationKey, JsonObject? variables, Caller caller, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new InvalidRequestException("The message needs a name.");
        RefuseRawPersonalNumber(variables, "the message was not delivered");
        var subscriptions = await store.FindMessageSubscriptionsAsync(name, correlationKey, ct);
        var matched = 0;
        foreach (var subscription in subscriptions)
        {
            var delivered = await CommandAsync(caller, async ctx =>
            {
                if (subscription.InstanceId is { } instanceId)
                {
                    var execution = await ctx.TryLoadAsync(instanceId, ct);
                    return execution is not null && await execution.TriggerAsync(subscription.Id, (JsonObject?)variables?.DeepClone(), ct);
                }
                return await StartByEventAsync(ctx, subscription.DefinitionKey!, subscription.ElementId, variables, correlationKey, ct);
            }, ct);
            if (delivered) matched++;
        }
        return matched;
    }

    /// <summary>Starts an instance at a message or timer start event of the newest published version.</summary>
    private static async Task<bool> StartByEventAsync(CommandContext ctx, string key, string elementId, JsonObject? variables,
        string? businessKey, CancellationToken ct)
    {
        if (await ctx.FindPublishedAsync(key, ct) is not { } definition) return false;
        if (!definition.Model.Nodes.TryGetValue(elementId, out var node) || node is not StartEvent start) return false;
        var execution = ctx.CreateInstance(definition, businessKey, (JsonObject?)variables?.DeepClone());
        execution.StartAt(start);
        await execution.RunAsync(ct);
        return true;
    }

    // ---- timers -----------------------------------------------------------------------

    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        var fired = 0;
        const int batch = 200;
        while (true)
        {
            var due = await store.ListDueTimersAsync(time.GetUtcNow(), batch, ct);
            var firedThisRound = 0;
            foreach (var timer in due)
            {
                try
                {
                    if (await FireAsync(timer, ct)) firedThisRound++;
                }
                catch (ConflictException e)
                {
                    // Another host or command got there first; the next poll sees the outcome.
                    logger.LogDebug("Timer {TimerId} skipped: {Reason}", timer.Id, e.Message);
                }
            }
            fired += firedThisRound;
            if (due.Count < batch || firedThisRound == 0) return fired;
        }
    }

    private Task<bool> FireAsync(TimerRecord timer, CancellationToken ct) => CommandAsync(Caller.System, async ctx =>
    {
        if (timer.InstanceId is { } instanceId)
        {
            var execution = await ctx.TryLoadAsync(instanceId, ct);
            if (execution is not null && await execution.TriggerAsync(timer.Id, null, ct)) return true;
            // The wait is gone (its token moved on); drop the stale row.
            await ctx.Tx.DeleteTimerAsync(timer.Id, ct);
            return false;
        }
        if (!await ctx.Tx.DeleteTimerAsync(timer.Id, ct)) return false;
        var next = TimerSchedule.Next(timer.DueAt, timer.RemainingRepetitions, timer.Interval);
        if (next is not null && await ctx.FindPublishedAsync(timer.DefinitionKey!, ct) is { } definition)
        {
            var messages = StartMessageSubscriptions(definition.Key, definition.Model, ctx.Now);
            var nextTimer = StartTimer(definition.Key, timer.ElementId, next);
            await ctx.Tx.ReplaceStartWaitsAsync(definition.Key, messages, [nextTimer], ct);
        }
        return await StartByEventAsync(ctx, timer.DefinitionKey!, timer.ElementId, null, null, ct);
    }, ct);
}
