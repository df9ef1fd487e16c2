using System.Xml.Linq;
using static RJH.DeviceWorkflows.Engine.Model.Reading.ReadContext;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// Walks the chosen process and its embedded sub-processes, hands each flow element to its
/// reader and collects the results in a <see cref="ProcessGraph"/>.
/// </summary>
internal sealed class ProcessWalker(ReadContext ctx, string processId)
{
    // Each nesting level is one recursion; a hostile file must not be able to overflow the stack.
    private const int MaxDepth = 64;

    private readonly EventReader events = new(ctx);
    private readonly ActivityReader activities = new(ctx);

    public ProcessGraph Graph { get; } = new();

    public void Walk(XElement container, string? scopeId, int depth = 0)
    {
        foreach (var child in container.Elements())
        {
            // Vendor and diagram content (camunda:, signavio:, bpmndi:) is never part of the execution.
            if (child.Name.Namespace != BpmnNames.Bpmn) continue;
            var kind = child.Name.LocalName;
            if (BpmnNames.DocumentationOnly.Contains(kind)
                || child.Name == BpmnNames.MultiInstance || child.Name == BpmnNames.StandardLoop
                || kind is "dataInputAssociation" or "dataOutputAssociation")
                continue;
            if (child.Name == BpmnNames.SequenceFlow) ReadFlow(child, scopeId);
            else ReadFlowNode(child, scopeId, depth);
        }
    }

    private void ReadFlowNode(XElement e, string? scopeId, int depth)
    {
        var kind = e.Name.LocalName;
        var id = Attr(e, "id");
        if (id is null)
        {
            ctx.Report(scopeId ?? processId, e, $"{BpmnNames.Display(e)} has no id");
            return;
        }
        FlowNode? node;
        switch (kind)
        {
            case BpmnNames.StartEvent or BpmnNames.EndEvent or BpmnNames.CatchEvent or BpmnNames.BoundaryEvent:
                node = events.Read(e, id, scopeId);
                break;
            case "userTask" or "serviceTask" or "sendTask" or "businessRuleTask" or "scriptTask" or "callActivity":
                node = activities.Read(e, id, scopeId);
                break;
            case BpmnNames.SubProcess:
                ReadSubProcess(e, id, scopeId, depth);
                return;
            case "exclusiveGateway" or "parallelGateway" or "inclusiveGateway" or "eventBasedGateway":
                node = ReadGateway(e, id, scopeId);
                break;
            case var _ when BpmnNames.UnsupportedFlowNodes.Contains(kind):
                ctx.Report(id, e, $"Element type '{BpmnNames.Display(e)}' is not supported by the engine");
                node = null;
                break;
            default:
                ctx.Report(id, e, $"Element type '{BpmnNames.Display(e)}' is not supported by the engine");
                return;
        }
        Add(new ReadNode(id, scopeId, e, node));
    }

    private void ReadSubProcess(XElement e, string id, string? scopeId, int depth)
    {
        if (ctx.Bool(e, "triggeredByEvent", fallback: false, id))
        {
            // Its content belongs to a construct we refuse as a whole; one diagnostic is enough.
            ctx.Report(id, e, "Event sub-processes (triggeredByEvent=\"true\") are not supported by the engine");
            Add(new ReadNode(id, scopeId, e, null));
            return;
        }
        var node = new ReadNode(id, scopeId, e, activities.Read(e, id, scopeId));
        if (!Add(node)) return;
        if (depth >= MaxDepth)
        {
            ctx.Report(id, e, $"Sub-processes are nested more than {MaxDepth} levels deep");
            return;
        }
        Graph.SubProcessScopes.Add(node);
        Walk(e, id, depth + 1);
    }

    private Gateway? ReadGateway(XElement e, string id, string? scopeId)
    {
        var (kind, takesDefault) = e.Name.LocalName switch
        {
            "exclusiveGateway" => (GatewayKind.Exclusive, true),
            "inclusiveGateway" => (GatewayKind.Inclusive, true),
            "parallelGateway" => (GatewayKind.Parallel, false),
            _ => (GatewayKind.EventBased, false),
        };
        if (kind == GatewayKind.EventBased
            && (ctx.Bool(e, "instantiate", false, id) || Attr(e, "eventGatewayType") == "Parallel"))
        {
            ctx.Report(id, e, "Instantiating and parallel event-based gateways are not supported by the engine");
            return null;
        }
        return new Gateway(id, Attr(e, "name"), scopeId, Line(e), kind, takesDefault ? Attr(e, "default") : null);
    }

    private void ReadFlow(XElement e, string? scopeId)
    {
        var id = Attr(e, "id");
        if (id is null)
        {
            ctx.Report(scopeId ?? processId, e, "bpmn:sequenceFlow has no id");
            return;
        }
        var condition = Condition(e.Element(BpmnNames.ConditionExpression)?.Value);
        if (condition is not null) ctx.CheckExpression(id, e, "the condition", condition);
        var flow = new ReadFlow(id, Attr(e, "name"), Attr(e, "sourceRef"), Attr(e, "targetRef"), condition, scopeId, e);
        if (!Graph.Add(flow)) ctx.Report(id, e, $"Duplicate id '{id}'");
    }

    private bool Add(ReadNode node)
    {
        if (Graph.Add(node)) return true;
        ctx.Report(node.Id, node.Element, $"Duplicate id '{node.Id}'");
        return false;
    }

    /// <summary>Blank means unconditional; the <c>${...}</c> wrapper other modelers write is dropped.</summary>
    internal static string? Condition(string? text)
    {
        var condition = text?.Trim();
        if (string.IsNullOrEmpty(condition)) return null;
        if (condition.StartsWith("${", StringComparison.Ordinal) && condition.EndsWith('}'))
            condition = condition[2..^1].Trim();
        return condition.Length == 0 ? null : condition;
    }
}
