using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// A flow node as read. <see cref="Node"/> is null for a refused element: it stays in the graph
/// as a placeholder so that flows and boundary events around it do not cause follow-up errors.
/// </summary>
internal sealed record ReadNode(string Id, string? ScopeId, XElement Element, FlowNode? Node)
{
    public string Kind => Element.Name.LocalName;
    public int Line => ReadContext.Line(Element);
}

/// <summary>A sequence flow as read; references are checked later, once every node is known.</summary>
internal sealed record ReadFlow(string Id, string? Name, string? SourceId, string? TargetId, string? Condition,
    string? ScopeId, XElement Element)
{
    public int Line => ReadContext.Line(Element);
}

/// <summary>Everything read from the chosen process, in document order.</summary>
internal sealed class ProcessGraph
{
    private readonly Dictionary<string, ReadNode> byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public List<ReadNode> Nodes { get; } = [];
    public List<ReadFlow> Flows { get; } = [];
    /// <summary>Sub-processes whose content was read, i.e. the scopes below the process.</summary>
    public List<ReadNode> SubProcessScopes { get; } = [];

    /// <summary>Adds a node; false when its id is already taken by a node or a flow.</summary>
    public bool Add(ReadNode node)
    {
        if (!ids.Add(node.Id)) return false;
        byId[node.Id] = node;
        Nodes.Add(node);
        return true;
    }

    public bool Add(ReadFlow flow)
    {
        if (!ids.Add(flow.Id)) return false;
        Flows.Add(flow);
        return true;
    }

    public ReadNode? Find(string? id) => id is not null && byId.TryGetValue(id, out var n) ? n : null;
}
