using System.Collections.Frozen;

namespace RJH.DeviceWorkflows.Engine.Model;

/// <summary>
/// An immutable, executable process graph read from one BPMN 2.0 <c>bpmn:process</c>.
/// Nodes of embedded sub-processes live in the same dictionary; <see cref="FlowNode.ScopeId"/>
/// tells which sub-process (or null for the process itself) contains them.
/// </summary>
public sealed class ProcessModel
{
    public ProcessModel(string key, string? name, IReadOnlyList<string> starterRoles,
        IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows)
    {
        Key = key;
        Name = name;
        StarterRoles = starterRoles;
        Nodes = nodes.ToFrozenDictionary(n => n.Id);
        Flows = flows.ToFrozenDictionary(f => f.Id);
        Outgoing = Nodes.Keys.ToFrozenDictionary(id => id,
            id => (IReadOnlyList<SequenceFlow>)Flows.Values.Where(f => f.SourceId == id).OrderBy(f => f.Line).ToArray());
        Incoming = Nodes.Keys.ToFrozenDictionary(id => id,
            id => (IReadOnlyList<SequenceFlow>)Flows.Values.Where(f => f.TargetId == id).OrderBy(f => f.Line).ToArray());
        BoundaryEvents = Nodes.Keys.ToFrozenDictionary(id => id,
            id => (IReadOnlyList<BoundaryEvent>)Nodes.Values.OfType<BoundaryEvent>().Where(b => b.AttachedToId == id).ToArray());
        reachable = new Lazy<FrozenDictionary<string, FrozenSet<string>>>(ComputeReachability);
    }

    /// <summary>Process id in the BPMN file; instances and call activities refer to it.</summary>
    public string Key { get; }
    public string? Name { get; }
    /// <summary>Roles allowed to start an instance (<c>rjh:starterRoles</c>); empty = admin only.</summary>
    public IReadOnlyList<string> StarterRoles { get; }
    /// <summary>
    /// <c>rjh:startCondition</c>: an expression over <c>vars</c> (the start variables) and <c>caller</c>
    /// ({userName, roles}) that must be true for a person (not admin) to start an instance, e.g. an
    /// employee may order only for themself. Null = the roles decide alone.
    /// </summary>
    public string? StartCondition { get; init; }
    public FrozenDictionary<string, FlowNode> Nodes { get; }
    public FrozenDictionary<string, SequenceFlow> Flows { get; }
    public FrozenDictionary<string, IReadOnlyList<SequenceFlow>> Outgoing { get; }
    public FrozenDictionary<string, IReadOnlyList<SequenceFlow>> Incoming { get; }
    public FrozenDictionary<string, IReadOnlyList<BoundaryEvent>> BoundaryEvents { get; }

    private readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> reachable;

    public FlowNode Node(string id) => Nodes.TryGetValue(id, out var n) ? n
        : throw new KeyNotFoundException($"Element '{id}' is not part of process '{Key}'.");

    /// <summary>Start events directly inside a scope (null = the process itself).</summary>
    public IEnumerable<StartEvent> StartEventsOf(string? scopeId) =>
        Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId == scopeId);

    /// <summary>
    /// True when a token at <paramref name="fromId"/> can still arrive at <paramref name="toId"/>
    /// along sequence flows (used by the inclusive join to know which flows may still come).
    /// </summary>
    public bool CanReach(string fromId, string toId) =>
        reachable.Value.TryGetValue(fromId, out var set) && set.Contains(toId);

    private FrozenDictionary<string, FrozenSet<string>> ComputeReachability()
    {
        var result = new Dictionary<string, FrozenSet<string>>();
        foreach (var start in Nodes.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>();
            stack.Push(start);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                IEnumerable<string> next = Outgoing[id].Select(f => f.TargetId);
                // A token inside an activity may leave through its boundary events.
                next = next.Concat(BoundaryEvents[id].Select(b => b.Id));
                foreach (var n in next)
                    if (Nodes.ContainsKey(n) && seen.Add(n)) stack.Push(n);
            }
            result[start] = seen.ToFrozenSet();
        }
        return result.ToFrozenDictionary();
    }
}

public sealed record SequenceFlow(string Id, string SourceId, string TargetId, string? Condition, int Line)
{
    public string? Name { get; init; }
}
