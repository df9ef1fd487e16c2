using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    // ---- multi-instance ---------------------------------------------------------------

    /// <summary>The marker token waits while one iteration per item runs, all at once or one after another.</summary>
    private void StartMultiInstance(Token token, Activity activity)
    {
        var mi = activity.MultiInstance!;
        JsonNode? items;
        try { items = Evaluate(mi.Collection, token.ScopeId); }
        catch (Expressions.ExpressionException e) { throw new StepFailedException($"The collection of '{activity.Id}' failed: {e.Message}", e); }
        if (items is not JsonArray array)
            throw new StepFailedException($"The collection of '{activity.Id}' must yield an array, not {items?.GetValueKind().ToString() ?? "null"}.");

        token.MultiInstance = new MultiInstanceProgress
        {
            Items = (JsonArray)array.DeepClone(),
            Outputs = new JsonArray(array.Select(_ => (JsonNode?)null).ToArray()),
        };
        Wait(token, WaitReason.MultiInstance);
        if (array.Count == 0) FinishMultiInstance(token, mi);
        else if (mi.Sequential) StartIteration(token, mi);
        else for (var i = 0; i < array.Count; i++) StartIteration(token, mi);
    }

    private void StartIteration(Token owner, MultiInstance mi)
    {
        var progress = owner.MultiInstance!;
        var index = progress.Started++;
        var scope = new Scope
        {
            Id = State.NextId("s"), ParentId = owner.ScopeId, Kind = ScopeKind.Iteration, ElementId = owner.ElementId,
            OwnerTokenId = owner.Id, Index = index,
            Locals = new JsonObject { [mi.ElementVariable] = progress.Items[index]?.DeepClone(), ["loopCounter"] = index },
        };
        State.Scopes.Add(scope);
        var token = NewToken(owner.ElementId, scope.Id, TokenPhase.Arrived);
        token.Iteration = true;
    }

    /// <summary>An iteration finished: keep its output, start the next (sequential) or finish when all are done.</summary>
    private void CompleteIteration(Token token)
    {
        var scope = FindScope(token.ScopeId)!;
        var owner = FindToken(scope.OwnerTokenId)!;
        var mi = ((Activity)Model.Node(owner.ElementId)).MultiInstance!;
        JsonNode? output;
        if (mi.OutputElement is not null)
        {
            try { output = Evaluate(mi.OutputElement, scope.Id); }
            catch (Expressions.ExpressionException e) { throw new StepFailedException($"The output element of '{owner.ElementId}' failed: {e.Message}", e); }
        }
        else
        {
            var own = new JsonObject();
            foreach (var (name, value) in scope.Locals ?? [])
                if (name != mi.ElementVariable && name != "loopCounter") own[name] = value?.DeepClone();
            output = own;
        }
        var progress = owner.MultiInstance!;
        progress.Outputs[scope.Index] = output?.DeepClone();
        progress.Completed++;
        State.Tokens.Remove(token);
        State.Scopes.Remove(scope);

        if (progress.Completed == progress.Items.Count) FinishMultiInstance(owner, mi);
        else if (mi.Sequential) StartIteration(owner, mi);
    }

    private void FinishMultiInstance(Token owner, MultiInstance mi)
    {
        if (mi.OutputCollection is not null)
            SetVariable(owner.ScopeId, mi.OutputCollection, owner.MultiInstance!.Outputs);
        owner.MultiInstance = null;
        Complete(owner);
    }

    // ---- call activities --------------------------------------------------------------

    /// <summary>Starts the newest published version of the called process with a copy of all variables.</summary>
    private async Task CallAsync(Token token, CallActivity call, CancellationToken ct)
    {
        var called = await ctx.FindPublishedAsync(call.CalledElement, ct)
            ?? throw new StepFailedException($"No published version of process '{call.CalledElement}' exists to call.");
        var start = called.Model.StartEventsOf(null).OrderBy(s => s.Trigger.Kind != EventTriggerKind.None).FirstOrDefault()
            ?? throw new StepFailedException($"Process '{call.CalledElement}' has no start event.");
        Wait(token, WaitReason.CallActivity);
        var child = ctx.CreateInstance(called, Record.BusinessKey,
            (JsonObject)VariablesAt(token.ScopeId).DeepClone(), Id, token.Id);
        token.ChildInstanceId = child.Record.Id;
        ctx.Journal(Id, "ProcessCalled", call.Id, $"{called.Key} v{called.Version} as {child.Record.Id}", actor: "engine");
        child.StartAt(start);
        await child.RunAsync(ct);
    }

    /// <summary>The called instance ended: its variables come back whole and the call activity is done.</summary>
    public async Task OnChildCompletedAsync(string tokenId, Guid childId, JsonObject variables, CancellationToken ct)
    {
        var token = FindToken(tokenId);
        if (token is null || token.ChildInstanceId != childId) return;
        SetVariables(token.ScopeId, variables.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)).ToList());
        token.ChildInstanceId = null;
        Complete(token);
        await RunAsync(ct);
    }

    /// <summary>The called instance raised an error it did not catch: it is raised again at the call activity.</summary>
    public async Task OnChildErrorAsync(string tokenId, string code, string? message, CancellationToken ct)
    {
        var token = FindToken(tokenId);
        if (token is null) return;
        token.ChildInstanceId = null;
        await RaiseErrorAsync(token, code, message, ct);
        await RunAsync(ct);
    }
}
