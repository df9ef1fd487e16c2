using System.Xml.Linq;
using static RJH.DeviceWorkflows.Engine.Model.Reading.ReadContext;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// Checks that need the whole graph: references, scopes, start events, gateways, boundary
/// attachments and reachability. Refused elements (placeholders) count as present, so that
/// one refused element produces one diagnostic rather than a cascade.
/// </summary>
internal sealed class StructureValidator(ReadContext ctx, ProcessGraph graph, string processId, XElement process)
{
    private ILookup<string?, ReadFlow> outgoing = Enumerable.Empty<ReadFlow>().ToLookup(f => f.SourceId);

    public void Validate()
    {
        outgoing = graph.Flows.ToLookup(f => f.SourceId);
        CheckFlows();
        CheckStartEvents();
        CheckGateways();
        CheckBoundaryEvents();
        CheckReachability();
    }

    private void CheckFlows()
    {
        var endsReported = new HashSet<string>();
        var targetsReported = new HashSet<string>();
        foreach (var flow in graph.Flows)
        {
            var source = Endpoint(flow, flow.SourceId, "sourceRef");
            var target = Endpoint(flow, flow.TargetId, "targetRef");
            if (source is null || target is null) continue;
            if (source.ScopeId != flow.ScopeId || target.ScopeId != flow.ScopeId)
                ctx.Report(flow.Id, flow.Element,
                    $"Sequence flow '{flow.Id}' crosses a sub-process boundary ('{source.Id}' to '{target.Id}')");
            if (source.Kind == BpmnNames.EndEvent && endsReported.Add(source.Id))
                ctx.Report(source.Id, source.Element, $"End event '{source.Id}' has outgoing sequence flows");
            if (target.Kind is BpmnNames.StartEvent or BpmnNames.BoundaryEvent && targetsReported.Add(target.Id))
                ctx.Report(target.Id, target.Element,
                    $"{BpmnNames.Display(target.Element)} '{target.Id}' cannot have incoming sequence flows");
        }
    }

    private ReadNode? Endpoint(ReadFlow flow, string? reference, string attribute)
    {
        if (reference is null)
        {
            ctx.Report(flow.Id, flow.Element, $"Sequence flow '{flow.Id}' has no {attribute}");
            return null;
        }
        var node = graph.Find(reference);
        if (node is null)
            ctx.Report(flow.Id, flow.Element, $"Sequence flow '{flow.Id}': {attribute} '{reference}' names no flow node of this process");
        return node;
    }

    private void CheckStartEvents()
    {
        var starts = graph.Nodes.Where(n => n.Kind == BpmnNames.StartEvent && n.ScopeId is null).ToList();
        if (starts.Count == 0)
            ctx.Report(processId, process, $"Process '{processId}' has no start event");
        // Several none starts would leave "start an instance" ambiguous for the runtime.
        foreach (var extra in starts.Where(IsNoneStart).Skip(1))
            ctx.Report(extra.Id, extra.Element, $"Process '{processId}' has more than one none start event");
        foreach (var sub in graph.SubProcessScopes)
        {
            var count = graph.Nodes.Count(n => n.ScopeId == sub.Id && IsNoneStart(n));
            if (count != 1)
                ctx.Report(sub.Id, sub.Element, $"Sub-process '{sub.Id}' must have exactly one none start event, not {count}");
        }
    }

    private static bool IsNoneStart(ReadNode n) =>
        n.Kind == BpmnNames.StartEvent && !n.Element.Elements().Any(BpmnNames.IsEventDefinition);

    private void CheckGateways()
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Node is not Gateway gateway) continue;
            var flows = outgoing[gateway.Id].ToList();
            if (gateway.Kind is GatewayKind.Exclusive or GatewayKind.Inclusive)
                CheckConditions(node, gateway, flows);
            else
                foreach (var flow in flows.Where(f => f.Condition is not null))
                    ctx.Report(flow.Id, flow.Element, $"Sequence flow '{flow.Id}' leaves {BpmnNames.Display(node.Element)} '{gateway.Id}' and cannot have a condition");
            if (gateway.Kind == GatewayKind.EventBased)
                CheckEventTargets(node, flows);
        }
    }

    private void CheckConditions(ReadNode node, Gateway gateway, List<ReadFlow> flows)
    {
        if (gateway.DefaultFlowId is { } defaultId && !flows.Any(f => f.Id == defaultId))
            ctx.Report(gateway.Id, node.Element, $"Default flow '{defaultId}' of gateway '{gateway.Id}' is not one of its outgoing flows");
        if (flows.Count < 2) return;
        var unguarded = flows.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId).Select(f => f.Id).ToList();
        if (unguarded.Count > 0)
            ctx.Report(gateway.Id, node.Element,
                $"Gateway '{gateway.Id}' has outgoing flows with neither a condition nor the default mark: {string.Join(", ", unguarded)}");
    }

    private void CheckEventTargets(ReadNode node, List<ReadFlow> flows)
    {
        foreach (var flow in flows)
        {
            var target = graph.Find(flow.TargetId);
            if (target is null || target.Node is null || target.Node is CatchEvent) continue;
            ctx.Report(node.Id, node.Element,
                $"Event-based gateway '{node.Id}' leads to '{target.Id}', which is not an intermediate timer or message catch event");
        }
    }

    private void CheckBoundaryEvents()
    {
        foreach (var boundary in graph.Nodes.Where(n => n.Kind == BpmnNames.BoundaryEvent))
        {
            var reference = Attr(boundary.Element, "attachedToRef");
            var host = graph.Find(reference);
            var problem = reference is null ? "has no attachedToRef"
                : host is null ? $"is attached to '{reference}', which is no element of this process"
                : !BpmnNames.ActivityElements.Contains(host.Kind) ? $"is attached to '{reference}', which is not an activity"
                : host.ScopeId != boundary.ScopeId ? $"is attached to '{reference}', which lies in another scope"
                : null;
            if (problem is not null)
                ctx.Report(boundary.Id, boundary.Element, $"Boundary event '{boundary.Id}' {problem}");
        }
    }

    private void CheckReachability()
    {
        var attached = graph.Nodes.Where(n => n.Kind == BpmnNames.BoundaryEvent)
            .ToLookup(n => Attr(n.Element, "attachedToRef"));
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ReadNode>(graph.Nodes.Where(n => n.Kind == BpmnNames.StartEvent));
        foreach (var start in pending) reached.Add(start.Id);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var next = outgoing[node.Id].Select(f => graph.Find(f.TargetId)).Concat(attached[node.Id]);
            foreach (var n in next)
                // Flows never legally leave their scope; following a crossing one would hide unreachable nodes.
                if (n is not null && n.ScopeId == node.ScopeId && reached.Add(n.Id)) pending.Push(n);
        }
        var scopesWithStart = graph.Nodes.Where(n => n.Kind == BpmnNames.StartEvent).Select(n => n.ScopeId).ToHashSet();
        foreach (var node in graph.Nodes)
            if (node.Node is not null && !reached.Contains(node.Id) && scopesWithStart.Contains(node.ScopeId))
                ctx.Report(node.Id, node.Element, $"'{node.Id}' cannot be reached from a start event");
    }
}
