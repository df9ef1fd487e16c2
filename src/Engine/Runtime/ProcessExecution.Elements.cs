using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    /// <summary>Runs the behaviour of the element the token has just arrived at.</summary>
    private async Task ExecuteAsync(Token token, CancellationToken ct)
    {
        var node = Model.Node(token.ElementId);
        ctx.Journal(Id, "ElementEntered", node.Id, token.Iteration ? $"iteration {FindScope(token.ScopeId)?.Index}" : null, actor: "engine");
        switch (node)
        {
            case StartEvent:
                Complete(token);
                break;
            case EndEvent end:
                await EndAsync(token, end, ct);
                break;
            case CatchEvent catchEvent:
                AddWait(token, catchEvent, catchEvent.Trigger);
                Wait(token, catchEvent.Trigger.Kind == EventTriggerKind.Timer ? WaitReason.Timer : WaitReason.Message);
                break;
            case BoundaryEvent:
                Complete(token);
                break;
            case Gateway gateway:
                await GatewayAsync(token, gateway, ct);
                break;
            case Activity activity when activity.MultiInstance is not null && !token.Iteration:
                AddBoundaryWaits(token, activity);
                StartMultiInstance(token, activity);
                break;
            case Activity activity:
                if (!token.Iteration)
                {
                    RemoveWaitsOf(token);   // a retried step must not subscribe twice
                    AddBoundaryWaits(token, activity);
                }
                token.Visit++;
                await ActivityAsync(token, activity, ct);
                break;
            default:
                throw new StepFailedException($"Element '{node.Id}' of type {node.GetType().Name} cannot be executed.");
        }
    }

    private async Task ActivityAsync(Token token, Activity activity, CancellationToken ct)
    {
        switch (activity)
        {
            case UserTask task:
                CreateTask(token, task);
                break;
            case ServiceTask service when ctx.Activities.Descriptor(service.ActivityType).Execution == ActivityExecution.Job:
                CreateJob(token, service);
                break;
            case ServiceTask service:
                await RunServiceTaskAsync(token, service, ct);
                Complete(token);
                break;
            case ScriptTask script:
                RunScript(token, script);
                Complete(token);
                break;
            case SubProcess sub:
                EnterSubProcess(token, sub);
                break;
            case CallActivity call:
                await CallAsync(token, call, ct);
                break;
        }
    }

    /// <summary>The element is done: leave through its outgoing flows (an iteration reports to its owner instead).</summary>
    private async Task LeaveAsync(Token token, CancellationToken ct)
    {
        if (token.Iteration)
        {
            CompleteIteration(token);
            return;
        }
        RemoveWaitsOf(token);
        var node = Model.Node(token.ElementId);
        ctx.Journal(Id, "ElementLeft", node.Id, actor: "engine");
        await MoveAlongAsync(token, SelectOutgoing(node, token.ScopeId, exclusive: false), ct);
    }

    /// <summary>
    /// Flows taken when leaving a node: unconditional ones and those whose condition holds; the default
    /// when no conditional flow holds. <paramref name="exclusive"/> stops at the first.
    /// </summary>
    private IReadOnlyList<SequenceFlow> SelectOutgoing(FlowNode node, string? scopeId, bool exclusive)
    {
        var outgoing = Model.Outgoing[node.Id];
        var defaultId = (node as Gateway)?.DefaultFlowId;
        var taken = new List<SequenceFlow>();
        foreach (var flow in outgoing)
        {
            if (flow.Id == defaultId) continue;
            if (flow.Condition is null || EvaluateFlowCondition(flow, scopeId))
            {
                taken.Add(flow);
                if (exclusive) break;
            }
        }
        if (taken.Count == 0 && defaultId is not null) taken.Add(Model.Flows[defaultId]);
        if (taken.Count == 0 && outgoing.Count > 0)
            throw new StepFailedException($"No outgoing flow of '{node.Id}' has a condition that holds, and there is no default flow.");
        return taken;
    }

    private bool EvaluateFlowCondition(SequenceFlow flow, string? scopeId)
    {
        try { return EvaluateCondition(flow.Condition!, scopeId); }
        catch (Expressions.ExpressionException e)
        {
            throw new StepFailedException($"Condition of flow '{flow.Id}' failed: {e.Message}", e);
        }
    }

    // ---- end events -------------------------------------------------------------------

    private async Task EndAsync(Token token, EndEvent end, CancellationToken ct)
    {
        switch (end.Trigger.Kind)
        {
            case EventTriggerKind.Error:
                throw new BpmnErrorException(end.Trigger.ErrorCode ?? "", $"Error end event '{end.Id}'.");
            case EventTriggerKind.Terminate when token.ScopeId is null:
                State.Tokens.Remove(token);
                await EndAsync(InstanceStatus.Terminated, notifyParent: true, ct);
                break;
            case EventTriggerKind.Terminate:
                // Inside a sub-process, terminate ends that sub-process only (BPMN 2.0, 10.5.3).
                foreach (var other in State.Tokens.Where(t => t != token && t.ScopeId == token.ScopeId).ToList())
                    await RemoveTokenAsync(other, ct);
                await ConsumeAsync(token, ct);
                break;
            default:
                await ConsumeAsync(token, ct);
                break;
        }
    }

    // ---- gateways ---------------------------------------------------------------------

    private async Task GatewayAsync(Token token, Gateway gateway, CancellationToken ct)
    {
        var joins = Model.Incoming[gateway.Id].Count > 1;
        switch (gateway.Kind)
        {
            case GatewayKind.Exclusive:
                await MoveAlongAsync(token, SelectOutgoing(gateway, token.ScopeId, exclusive: true), ct);
                break;
            case GatewayKind.Parallel when joins:
                Wait(token, WaitReason.Join);
                var merged = TryJoinParallel(gateway, token.ScopeId);
                if (merged is not null) Complete(merged);
                break;
            case GatewayKind.Inclusive when joins:
                // Activated by TryActivateInclusiveJoin once no other token can still arrive.
                Wait(token, WaitReason.Join);
                break;
            case GatewayKind.Parallel or GatewayKind.Inclusive:
                // Leaving takes every unconditional flow and every flow whose condition holds.
                Complete(token);
                break;
            case GatewayKind.EventBased:
                Wait(token, WaitReason.EventGateway);
                foreach (var flow in Model.Outgoing[gateway.Id])
                {
                    var target = (CatchEvent)Model.Node(flow.TargetId);
                    AddWait(token, target, target.Trigger);
                }
                break;
        }
    }

    /// <summary>When a token waits on every incoming flow, merges one per flow into a single token.</summary>
    private Token? TryJoinParallel(Gateway gateway, string? scopeId)
    {
        var waiting = State.Tokens.Where(t => t.ElementId == gateway.Id && t.ScopeId == scopeId && t.WaitingFor == WaitReason.Join).ToList();
        var chosen = new List<Token>();
        foreach (var flow in Model.Incoming[gateway.Id])
        {
            var arrived = waiting.FirstOrDefault(t => t.ArrivedVia == flow.Id && !chosen.Contains(t));
            if (arrived is null) return null;
            chosen.Add(arrived);
        }
        foreach (var t in chosen.Skip(1)) State.Tokens.Remove(t);
        ctx.Journal(Id, "Joined", gateway.Id, $"{chosen.Count} flows", actor: "engine");
        return chosen[0];
    }

    /// <summary>
    /// An inclusive join fires when no token elsewhere in its scope can still reach it,
    /// i.e. it waits exactly for the flows that were taken.
    /// </summary>
    private bool TryActivateInclusiveJoin()
    {
        var groups = State.Tokens
            .Where(t => t.WaitingFor == WaitReason.Join && Model.Node(t.ElementId) is Gateway { Kind: GatewayKind.Inclusive })
            .GroupBy(t => (t.ElementId, t.ScopeId));
        foreach (var group in groups)
        {
            var (gatewayId, scopeId) = group.Key;
            var pending = State.Tokens.Any(t => t.ScopeId == scopeId && !group.Contains(t) && Model.CanReach(t.ElementId, gatewayId));
            if (pending) continue;
            var merged = group.First();
            foreach (var t in group.Skip(1)) State.Tokens.Remove(t);
            ctx.Journal(Id, "Joined", gatewayId, $"{group.Count()} flows", actor: "engine");
            // Leaving selects every flow whose condition holds, as a diverging inclusive gateway does.
            Complete(merged);
            return true;
        }
        return false;
    }

    // ---- tasks ------------------------------------------------------------------------

    private void CreateTask(Token token, UserTask task)
    {
        var assignee = task.Assignee is null ? null : EvaluateText(task.Assignee, token.ScopeId);
        var record = new UserTaskRecord
        {
            Id = Guid.CreateVersion7(ctx.Now), InstanceId = Id, TokenId = token.Id, ElementId = task.Id,
            Name = task.Name, FormKey = task.FormKey,
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            CandidateRoles = string.Join(',', task.CandidateRoles),
            CreatedAt = ctx.Now,
            DueAt = task.DueIn is null ? null : ctx.Now + TimerSchedule.ParseDuration(task.DueIn),
            Status = UserTaskStatus.Open,
            DefinitionKey = Record.DefinitionKey, BusinessKey = Record.BusinessKey,
            PersonName = PersonConcerned(VariablesAt(token.ScopeId)),
        };
        ctx.Tx.AddTask(record);
        token.TaskId = record.Id;
        Wait(token, WaitReason.Task);
        ctx.Journal(Id, "TaskCreated", task.Id, record.Assignee is null ? $"roles {record.CandidateRoles}" : $"assigned {record.Assignee}", actor: "engine");
    }

    /// <summary>
    /// Whom a task concerns, for the inbox's list and search: the shipped workflows describe that person in the
    /// variable <c>employee</c> (Register.DescribeEmployee's output) before their first user task.
    /// </summary>
    private static string? PersonConcerned(JsonObject variables) =>
        variables["employee"] is JsonObject { } employee && employee["name"] is JsonValue name && name.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>Completes the task's token with the submitted variables.</summary>
    public async Task CompleteTaskAsync(UserTaskRecord task, JsonObject? variables, CancellationToken ct)
    {
        var token = State.Tokens.Find(t => t.TaskId == task.Id)
            ?? throw new ConflictException($"Task {task.Id} is no longer waiting in its instance.");
        RefuseDerived(variables, "a task completion");
        SetVariables(token.ScopeId, variables);
        task.Status = UserTaskStatus.Completed;
        task.CompletedBy = ctx.Caller.UserName;
        task.CompletedAt = ctx.Now;
        token.TaskId = null;
        ctx.Journal(Id, "TaskCompleted", task.ElementId, task.FormKey);
        Complete(token);
        await RunAsync(ct);
    }

    private Dictionary<string, JsonNode?> EvaluateInputs(Token token, ServiceTask task) =>
        task.Inputs.ToDictionary(m => m.Name, m => EvaluateMapping(m, token.ScopeId, null, "input"));

    private string IdempotencyKey(Token token, ServiceTask task) => $"{Id:N}:{token.Id}:{task.Id}:{token.Visit}";

    private async Task RunServiceTaskAsync(Token token, ServiceTask task, CancellationToken ct)
    {
        var inputs = EvaluateInputs(token, task);
        var activity = ctx.Activities.Create(task.ActivityType, ctx.Services);
        var context = new ActivityContext(Id, Record.BusinessKey, task.Id, IdempotencyKey(token, task), inputs);
        ActivityResult result;
        try
        {
            result = await activity.ExecuteAsync(context, ct);
        }
        catch (Exception e) when (e is not BpmnErrorException and not OperationCanceledException)
        {
            throw new StepFailedException($"Activity '{task.ActivityType}' failed: {e.Message}", e);
        }
        ApplyResult(token, task, result);
    }

    /// <summary>Variables the activity set itself, then the model's output mappings over <c>result</c>.</summary>
    private void ApplyResult(Token token, ServiceTask task, ActivityResult result)
    {
        if (!string.IsNullOrWhiteSpace(result.JournalNote))
            ctx.Journal(Id, "ActivityNote", task.Id, result.JournalNote, actor: "engine");
        SetVariables(token.ScopeId, result.Variables);
        var resultObject = new JsonObject(result.Outputs.Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone())));
        foreach (var output in task.Outputs)
            SetVariable(token.ScopeId, output.Name, EvaluateMapping(output, token.ScopeId, resultObject, "output"));
        if (DerivedCategories.Contains(ctx.Activities.Descriptor(task.ActivityType).Category))
            (State.Derived ??= new(StringComparer.Ordinal)).UnionWith(
                (result.Variables?.Select(v => v.Key) ?? []).Concat(task.Outputs.Select(o => o.Name)));
    }

    // Activities whose results are facts of record: assignees, ids and decisions are read from what they set.
    private static readonly HashSet<string> DerivedCategories = new(["Register", "WorkEnvironment", "Policy"], StringComparer.Ordinal);

    /// <summary>
    /// A task completion or a message may not set a variable a step took from the register (issue 13, hole 2: an
    /// employee completing their own draft with <c>employee.managerUserName</c> set to themself made the approval theirs).
    /// An admin repairing an incident may; that is what a retry with variables is for.
    /// </summary>
    private void RefuseDerived(JsonObject? variables, string by)
    {
        if (variables is null || State.Derived is not { Count: > 0 } derived) return;
        if (variables.Select(v => v.Key).FirstOrDefault(derived.Contains) is { } name)
            throw new InvalidRequestException($"variables.{name} was taken from the register by the workflow and cannot be set by {by}; nothing was changed.");
    }

    private JsonNode? EvaluateMapping(Mapping mapping, string? scopeId, JsonNode? result, string kind)
    {
        try { return Evaluate(mapping.Expression, scopeId, result); }
        catch (Expressions.ExpressionException e)
        {
            throw new StepFailedException($"The {kind} '{mapping.Name}' failed: {e.Message}", e);
        }
    }

    private void RunScript(Token token, ScriptTask task)
    {
        var before = VariablesAt(token.ScopeId);
        JsonObject after;
        try { after = ctx.Expressions.RunScript(task.Script, (JsonObject)before.DeepClone()); }
        catch (Expressions.ExpressionException e) { throw new StepFailedException($"Script of '{task.Id}' failed: {e.Message}", e); }
        foreach (var (name, value) in after)
            if (!before.TryGetPropertyValue(name, out var old) || !JsonNode.DeepEquals(old, value))
                SetVariable(token.ScopeId, name, value);
    }

    // ---- sub-processes ----------------------------------------------------------------

    private void EnterSubProcess(Token token, SubProcess sub)
    {
        var scope = new Scope { Id = State.NextId("s"), ParentId = token.ScopeId, Kind = ScopeKind.SubProcess, ElementId = sub.Id, OwnerTokenId = token.Id };
        State.Scopes.Add(scope);
        Wait(token, WaitReason.SubProcess);
        var start = Model.StartEventsOf(sub.Id).First();
        NewToken(start.Id, scope.Id, TokenPhase.Arrived);
    }
}
