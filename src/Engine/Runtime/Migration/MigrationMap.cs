using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime.Migration;

/// <summary>
/// How the elements of one process version correspond to another's: by id unless the explicit mapping renames them.
/// Checks an instance's active elements against the target and rewrites its state when it moves.
/// </summary>
internal sealed class MigrationMap
{
    private readonly ProcessModel source;
    private readonly ProcessModel target;
    private readonly IReadOnlyDictionary<string, string> mapping;
    private readonly int toVersion;

    public MigrationMap(ProcessModel source, ProcessModel target, IReadOnlyDictionary<string, string>? mapping, int toVersion)
    {
        this.source = source;
        this.target = target;
        this.mapping = mapping ?? new Dictionary<string, string>();
        this.toVersion = toVersion;
        var unknown = this.mapping.Where(m => !Known(source, m.Key) || !Known(target, m.Value))
            .Select(m => $"{m.Key} → {m.Value}").ToList();
        if (unknown.Count > 0)
            throw new InvalidRequestException($"The mapping names elements the versions do not have: {string.Join(", ", unknown)}. " +
                "Each entry maps an element id of the from version to one of the target version.");
    }

    private static bool Known(ProcessModel model, string id) => model.Nodes.ContainsKey(id) || model.Flows.ContainsKey(id);

    public string TargetId(string id) => mapping.TryGetValue(id, out var mapped) ? mapped : id;

    /// <summary>The instance's active elements, each with what would happen to it, and why it cannot move (if so).</summary>
    public (List<MigrationElement> Elements, List<string> Problems) Check(InstanceRecord record, InstanceState state)
    {
        var elements = new List<MigrationElement>();
        foreach (var token in state.Tokens)
        {
            var kind = token.Phase == TokenPhase.Failed ? "incident" : KindOf(token.WaitingFor);
            elements.Add(Element(kind, token.ElementId, token.Phase == TokenPhase.Failed
                ? "The step has an open incident; resolve or retry it before migrating."
                : JoinProblem(token), EffectOf(token)));
        }
        foreach (var scope in state.Scopes.DistinctBy(s => s.ElementId))
            elements.Add(Element(scope.Kind == ScopeKind.SubProcess ? "subProcess" : "multiInstance", scope.ElementId, null,
                "Its running scope moves with its variables."));
        foreach (var wait in state.Waits) elements.Add(WaitElement(wait));
        var problems = elements.Where(e => e.Problem is not null).Select(e => e.Problem!).Distinct().ToList();
        if (record.Status != InstanceStatus.Running) problems.Insert(0, $"The instance is {record.Status.ToString().ToLowerInvariant()}, not running.");
        return (elements, problems);
    }

    private MigrationElement Element(string kind, string elementId, string? extraProblem, string effect)
    {
        var targetId = TargetId(elementId);
        target.Nodes.TryGetValue(targetId, out var to);
        source.Nodes.TryGetValue(elementId, out var from);
        var problem = to is null
            ? $"'{from?.Label ?? elementId}' ({elementId}) does not exist in version {toVersion}; map it to an element of that version."
            : from is not null && from.GetType() != to.GetType()
                ? $"'{from.Label}' ({elementId}) is a {from.GetType().Name} but {targetId} in version {toVersion} is a {to.GetType().Name}."
                : from is not null && (from.ScopeId is null ? null : TargetId(from.ScopeId)) != to.ScopeId
                    ? $"'{from.Label}' ({elementId}) lies in another sub-process in version {toVersion}."
                    : extraProblem;
        return new MigrationElement(kind, elementId, to is null ? null : targetId, (to ?? from)?.Label ?? elementId, problem, effect);
    }

    private MigrationElement WaitElement(Wait wait)
    {
        var element = Element(wait.Kind == WaitKind.Timer ? "timer" : "message", wait.ElementId, null, wait.Kind == WaitKind.Timer
            ? $"The timer keeps its due time {wait.DueAt:O}."
            : $"It keeps waiting for message '{wait.MessageName}'{(wait.CorrelationKey is null ? "" : $" with key '{wait.CorrelationKey}'")}.");
        if (wait.Kind == WaitKind.Message && element.Problem is null
            && target.Nodes.GetValueOrDefault(TargetId(wait.ElementId)) is CatchEvent or BoundaryEvent or StartEvent
            && TriggerOf(target.Nodes[TargetId(wait.ElementId)]) is { } trigger && trigger.MessageName != wait.MessageName)
            element = element with { Problem = $"{wait.ElementId} waits for message '{wait.MessageName}' but its target in version {toVersion} waits for '{trigger.MessageName}'." };
        return element with { DueAt = wait.DueAt, MessageName = wait.MessageName };
    }

    private static EventTrigger? TriggerOf(FlowNode node) => node switch
    {
        CatchEvent c => c.Trigger, BoundaryEvent b => b.Trigger, StartEvent s => s.Trigger, _ => null,
    };

    /// <summary>A parallel or inclusive join counts the flows its tokens came through; those flows must exist in the target.</summary>
    private string? JoinProblem(Token token) =>
        token.WaitingFor == WaitReason.Join && token.ArrivedVia is { } flow && !target.Flows.ContainsKey(TargetId(flow))
            ? $"A token waits at join {token.ElementId} through flow {flow}, which version {toVersion} does not have."
            : null;

    private string EffectOf(Token token)
    {
        var added = target.BoundaryEvents.GetValueOrDefault(TargetId(token.ElementId), [])
            .Where(b => !source.Nodes.ContainsKey(b.Id) && !mapping.Values.Contains(b.Id)).Select(b => b.Label).ToList();
        var effect = token.WaitingFor switch
        {
            WaitReason.Task => "The open user task stays open with its assignee, candidate roles and form; it takes the target's name.",
            WaitReason.Job => "The pending job runs as scheduled and its result lands on the target element.",
            WaitReason.CallActivity => "The called instance keeps running on its own version.",
            _ => "The token waits at the target element.",
        };
        return added.Count == 0 ? effect : $"{effect} New boundary events ({string.Join(", ", added)}) apply when the element is entered next time.";
    }

    private static string KindOf(WaitReason? reason) => reason switch
    {
        WaitReason.Task => "userTask",
        WaitReason.Timer => "timer",
        WaitReason.Message => "message",
        WaitReason.Job => "job",
        WaitReason.SubProcess => "subProcess",
        WaitReason.MultiInstance => "multiInstance",
        WaitReason.CallActivity => "callActivity",
        WaitReason.EventGateway => "eventGateway",
        WaitReason.Join => "join",
        _ => "token",
    };

    /// <summary>Rewrites the state's element ids to the target's (the caller checked first that all exist).</summary>
    public void Apply(InstanceState state)
    {
        foreach (var token in state.Tokens)
        {
            token.ElementId = TargetId(token.ElementId);
            if (token.ArrivedVia is { } flow) token.ArrivedVia = target.Flows.ContainsKey(TargetId(flow)) ? TargetId(flow) : null;
        }
        foreach (var scope in state.Scopes) scope.ElementId = TargetId(scope.ElementId);
        foreach (var wait in state.Waits) wait.ElementId = TargetId(wait.ElementId);
    }

    public void Apply(UserTaskRecord task)
    {
        task.ElementId = TargetId(task.ElementId);
        if (target.Nodes.GetValueOrDefault(task.ElementId) is UserTask { Name: { } name }) task.Name = name;
    }
}
