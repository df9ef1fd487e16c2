using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Expressions;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// Runs the tokens of one instance inside one command until every token waits.
/// Split by concern: elements, waits and events, errors, multi-instance, call activities.
/// </summary>
internal sealed partial class ProcessExecution(CommandContext ctx, InstanceRecord record, InstanceState state, ProcessModel model)
{
    private bool running;
    // What the store's wait rows were projected from; unchanged waits need no rewrite.
    private readonly string storedWaits = WaitSignature(state);

    public InstanceRecord Record { get; } = record;
    public InstanceState State { get; } = state;
    public ProcessModel Model { get; } = model;
    public bool IsNew { get; init; }
    /// <summary>Incidents this command raised (for a new instance: all it has).</summary>
    public List<IncidentRecord> NewIncidents { get; } = [];
    private Guid Id => Record.Id;

    public bool IsActive => Record.Status is InstanceStatus.Running or InstanceStatus.Faulted && Record.EndedAt is null;

    /// <summary>Places the first token on a start event of the process.</summary>
    public void StartAt(StartEvent start)
    {
        ctx.Journal(Id, "InstanceStarted", start.Id, $"{Model.Key} v{Record.DefinitionVersion}");
        NewToken(start.Id, scopeId: null, TokenPhase.Arrived);
    }

    /// <summary>Advances every token that can move; returns when all wait, fail or are gone.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        // A child instance finishing inside this instance's own step only changes state;
        // the loop already running picks the change up.
        if (running) return;
        running = true;
        try
        {
            while (IsActive)
            {
                var token = State.Tokens.FirstOrDefault(t => t.Phase is TokenPhase.Arrived or TokenPhase.Completed);
                if (token is null)
                {
                    if (TryActivateInclusiveJoin()) continue;
                    break;
                }
                await StepAsync(token, ct);
            }
        }
        finally { running = false; }
    }

    private async Task StepAsync(Token token, CancellationToken ct)
    {
        try
        {
            if (token.Phase == TokenPhase.Arrived) await ExecuteAsync(token, ct);
            else await LeaveAsync(token, ct);
        }
        catch (BpmnErrorException e)
        {
            await RaiseErrorAsync(token, e.Code, e.Message, ct);
        }
        catch (Exception e) when (e is StepFailedException or ExpressionException)
        {
            await FailAsync(token, e.Message, ct);
        }
    }

    // ---- tokens and flows -------------------------------------------------------------

    private Token NewToken(string elementId, string? scopeId, TokenPhase phase, string? arrivedVia = null)
    {
        var token = new Token { Id = State.NextId("t"), ElementId = elementId, ScopeId = scopeId, Phase = phase, ArrivedVia = arrivedVia };
        State.Tokens.Add(token);
        return token;
    }

    private Token? FindToken(string id) => State.Tokens.Find(t => t.Id == id);

    private Scope? FindScope(string? id) => id is null ? null : State.Scopes.Find(s => s.Id == id);

    private static void Wait(Token token, WaitReason reason)
    {
        token.Phase = TokenPhase.Waiting;
        token.WaitingFor = reason;
    }

    private static void Complete(Token token)
    {
        token.Phase = TokenPhase.Completed;
        token.WaitingFor = null;
    }

    /// <summary>Sends the token along the given flows: the first reuses it, others get copies.</summary>
    private async Task MoveAlongAsync(Token token, IReadOnlyList<SequenceFlow> flows, CancellationToken ct)
    {
        if (flows.Count == 0)
        {
            await ConsumeAsync(token, ct);
            return;
        }
        for (var i = 0; i < flows.Count; i++)
        {
            var target = i == 0 ? token : NewToken(flows[i].TargetId, token.ScopeId, TokenPhase.Arrived);
            target.ElementId = flows[i].TargetId;
            target.ArrivedVia = flows[i].Id;
            target.Phase = TokenPhase.Arrived;
            target.WaitingFor = null;
        }
    }

    /// <summary>The token reached an end; its scope (or the instance) may be finished.</summary>
    private async Task ConsumeAsync(Token token, CancellationToken ct)
    {
        State.Tokens.Remove(token);
        await CompleteScopeIfDoneAsync(token.ScopeId, ct);
    }

    private async Task CompleteScopeIfDoneAsync(string? scopeId, CancellationToken ct)
    {
        // Nested scopes always have their owner token here, so no token means nothing left to do.
        if (State.Tokens.Any(t => t.ScopeId == scopeId)) return;
        if (scopeId is null)
        {
            await FinishAsync(InstanceStatus.Completed, ct);
            return;
        }
        var scope = FindScope(scopeId);
        if (scope is null) return;
        State.Scopes.Remove(scope);
        var owner = FindToken(scope.OwnerTokenId);
        if (owner is not null) Complete(owner);
    }

    /// <summary>Ends the instance; a parent waiting in a call activity continues (or, after a cancel, gets an incident there).</summary>
    private async Task FinishAsync(InstanceStatus status, CancellationToken ct, bool notifyParent = true)
    {
        Record.Status = status;
        Record.EndedAt = ctx.Now;
        State.Waits.Clear();
        ctx.Journal(Id, "Instance" + status, null);
        if (!notifyParent || await ParentAsync(ct) is not { } parent) return;
        if (status is InstanceStatus.Completed or InstanceStatus.Terminated)
            await parent.OnChildCompletedAsync(Record.ParentTokenId!, Id, State.Variables, ct);
        else if (status == InstanceStatus.Cancelled)
            await parent.OnChildCancelledAsync(Record.ParentTokenId!, Id, ct);
    }

    /// <summary>The instance that called this one, while it exists.</summary>
    private async Task<ProcessExecution?> ParentAsync(CancellationToken ct) =>
        Record.ParentInstanceId is { } parentId && Record.ParentTokenId is not null ? await ctx.TryLoadAsync(parentId, ct) : null;

    // ---- variables --------------------------------------------------------------------

    /// <summary>What <c>vars</c> shows at a scope: process variables overlaid by each enclosing scope's locals.</summary>
    private JsonObject VariablesAt(string? scopeId)
    {
        var chain = new List<Scope>();
        for (var s = FindScope(scopeId); s is not null; s = FindScope(s.ParentId)) chain.Add(s);
        if (chain.All(s => s.Locals is null || s.Locals.Count == 0)) return State.Variables;
        var view = (JsonObject)State.Variables.DeepClone();
        for (var i = chain.Count - 1; i >= 0; i--)
            foreach (var (name, value) in chain[i].Locals ?? [])
                view[name] = value?.DeepClone();
        return view;
    }

    /// <summary>
    /// Writes a variable. Inside a multi-instance iteration writes stay in the iteration (they are
    /// collected by rjh:outputCollection), so parallel iterations never overwrite each other.
    /// </summary>
    private void SetVariable(string? scopeId, string name, JsonNode? value)
    {
        var copy = value?.DeepClone();
        for (var s = FindScope(scopeId); s is not null; s = FindScope(s.ParentId))
        {
            if (s.Kind != ScopeKind.Iteration) continue;
            (s.Locals ??= [])[name] = copy;
            return;
        }
        State.Variables[name] = copy;
    }

    private void SetVariables(string? scopeId, IEnumerable<KeyValuePair<string, JsonNode?>>? values)
    {
        foreach (var (name, value) in values ?? []) SetVariable(scopeId, name, value);
    }

    private JsonNode? Evaluate(string expression, string? scopeId, JsonNode? result = null)
    {
        var globals = Globals(scopeId);
        if (result is not null) globals["result"] = result;
        return ctx.Expressions.Evaluate(expression, globals);
    }

    private bool EvaluateCondition(string expression, string? scopeId) =>
        ctx.Expressions.EvaluateCondition(expression, Globals(scopeId));

    /// <summary>
    /// What an expression sees: <c>vars</c>, and <c>instance</c> = {id, definitionKey, businessKey, startedBy}
    /// so a model can check who started it (e.g. an employee ordering for themself only).
    /// </summary>
    private Dictionary<string, JsonNode?> Globals(string? scopeId) => new()
    {
        ["vars"] = VariablesAt(scopeId),
        ["instance"] = instanceGlobal ??= new JsonObject
        {
            ["id"] = Id.ToString(),
            ["definitionKey"] = Record.DefinitionKey,
            ["businessKey"] = Record.BusinessKey,
            ["startedBy"] = Record.StartedBy,
        },
    };

    // Built once per execution, not for every expression: none of it changes after the start, and the evaluator only
    // reads its globals (as it reads vars, which is the state's own object).
    private JsonObject? instanceGlobal;

    /// <summary>A string from an expression (assignee, correlation key, timer text): strings as-is, other JSON as text.</summary>
    private string? EvaluateText(string expression, string? scopeId) =>
        Evaluate(expression, scopeId) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };

    // ---- projections ------------------------------------------------------------------

    public bool WaitsChanged => WaitSignature(State) != storedWaits;

    private static string WaitSignature(InstanceState state) =>
        string.Join(';', state.Waits.Select(w => $"{w.Id}@{w.DueAt?.UtcTicks}/{w.CorrelationKey}"));

    public (IReadOnlyCollection<MessageSubscriptionRecord>, IReadOnlyCollection<TimerRecord>) ProjectWaits()
    {
        var messages = State.Waits.Where(w => w.Kind == WaitKind.Message).Select(w => new MessageSubscriptionRecord
        {
            Id = w.Id, InstanceId = Id, TokenId = w.TokenId, ElementId = w.ElementId,
            MessageName = w.MessageName!, CorrelationKey = w.CorrelationKey, CreatedAt = ctx.Now,
        }).ToList();
        var timers = State.Waits.Where(w => w.Kind == WaitKind.Timer).Select(w => new TimerRecord
        {
            Id = w.Id, InstanceId = Id, TokenId = w.TokenId, ElementId = w.ElementId, DueAt = w.DueAt!.Value,
            RemainingRepetitions = w.RemainingRepetitions, Interval = w.Interval,
        }).ToList();
        return (messages, timers);
    }
}
