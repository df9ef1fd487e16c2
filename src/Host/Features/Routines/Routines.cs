using System.Text.Json;
using System.Xml.Linq;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Model.Reading;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Rules;

namespace RJH.DeviceWorkflows.Host.Features.Routines;

/// <summary>
/// Writes a process's routine from its published version: the steps in the order a token reaches them (breadth first
/// from the start, boundary events beside their task, a sub-process's inside after the sub-process), who does each
/// manual step, what the system does, the decisions with the published rows of their rule sets, and a checklist per role.
/// </summary>
public sealed class Routines(IWorkflowQueries workflows, IPolicyService policies, IPolicyStore policyVersions, ActivityCatalog activities)
{
    private const string PolicyActivity = "Policy.Evaluate";
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>The processes that have a published version, by name.</summary>
    public async Task<IReadOnlyList<DefinitionSummaryView>> PublishedAsync(CancellationToken ct = default) =>
        (await workflows.ListDefinitionsAsync(ct)).Where(d => d.PublishedVersion is not null)
            .OrderBy(d => d.Name ?? d.Key, StringComparer.CurrentCulture).ToList();

    /// <summary>Null when the process does not exist or has no published version.</summary>
    public async Task<Routine?> ForAsync(string key, CancellationToken ct = default)
    {
        if (await workflows.GetDefinitionAsync(key, ct) is not { PublishedVersion: { } version } definition) return null;
        var xml = await workflows.GetDefinitionXmlAsync(key, version, ct);
        if (xml is null || BpmnReader.Read(xml).Model is not { } model) return null;
        var document = XDocument.Parse(xml);
        var lanes = LanesOf(document);
        var ordered = Ordered(model);
        var steps = ordered.Select((node, i) => Step(model, node, i + 1, lanes)).OfType<RoutineStep>().ToList();
        var decisions = new List<RoutineDecision>();
        foreach (var task in ordered.OfType<ServiceTask>().Where(t => t.ActivityType == PolicyActivity))
        {
            if (SetOf(task) is { } set) decisions.Add(await DecisionAsync(task, set, ct));
        }
        var published = definition.Versions.FirstOrDefault(v => v.Version == version)?.PublishedAt;
        return new Routine(key, definition.Name ?? model.Name ?? key, version, published, PurposeOf(document), model.StarterRoles,
            steps, decisions, Checklists(steps));
    }

    /// <summary>Every node reachable from the process's start, in the order a token meets them; the rest after, by line.</summary>
    private static List<FlowNode> Ordered(ProcessModel model)
    {
        var order = new List<FlowNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>(model.StartEventsOf(null).OrderBy(s => s.Line));
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!seen.Add(node.Id)) continue;
            order.Add(node);
            foreach (var boundary in model.BoundaryEvents[node.Id].OrderBy(b => b.Line)) queue.Enqueue(boundary);
            if (node is SubProcess)
                foreach (var inner in model.StartEventsOf(node.Id).OrderBy(s => s.Line)) queue.Enqueue(inner);
            foreach (var flow in model.Outgoing[node.Id]) queue.Enqueue(model.Node(flow.TargetId));
        }
        order.AddRange(model.Nodes.Values.Where(n => !seen.Contains(n.Id)).OrderBy(n => n.Line));
        return order;
    }

    private RoutineStep? Step(ProcessModel model, FlowNode node, int number, IReadOnlyDictionary<string, string> lanes)
    {
        var lane = lanes.GetValueOrDefault(node.Id);
        RoutineStep Make(RoutineStepKind kind, string name, IReadOnlyList<string>? roles = null, string? assignee = null,
            string? description = null, string? deadline = null, IReadOnlyList<string>? branches = null, string? called = null,
            string? attachedTo = null) =>
            new(number, node.Id, kind, name, roles ?? [], assignee, lane, description, deadline, branches ?? [], called, attachedTo);
        var name = string.IsNullOrWhiteSpace(node.Name) ? node.Id : node.Name.Trim();
        return node switch
        {
            UserTask task => Make(RoutineStepKind.Manual, name, task.CandidateRoles, task.Assignee, deadline: task.DueIn),
            ServiceTask { ActivityType: PolicyActivity } task => Make(RoutineStepKind.Decision, name, description: DescriptionOf(task.ActivityType)),
            ServiceTask task => Make(RoutineStepKind.Automatic, name, description: DescriptionOf(task.ActivityType)),
            ScriptTask => Make(RoutineStepKind.Automatic, name),
            CallActivity call => Make(RoutineStepKind.SubProcess, name, called: call.CalledElement),
            SubProcess => Make(RoutineStepKind.SubProcess, name),
            // A gateway that only joins paths is no choice anyone makes.
            Gateway { Kind: GatewayKind.Exclusive or GatewayKind.Inclusive or GatewayKind.EventBased } gateway when model.Outgoing[gateway.Id].Count > 1 =>
                Make(RoutineStepKind.Choice, name, branches: model.Outgoing[gateway.Id]
                    .Select(f => f.Name ?? (model.Node(f.TargetId).Name ?? f.TargetId)).ToList()),
            BoundaryEvent { Trigger.Kind: EventTriggerKind.Timer } boundary => Make(boundary.CancelActivity ? RoutineStepKind.Wait : RoutineStepKind.Reminder,
                name, deadline: boundary.Trigger.Timer?.Text, attachedTo: NameOf(model, boundary.AttachedToId)),
            BoundaryEvent boundary => Make(RoutineStepKind.Wait, name, description: boundary.Trigger.MessageName ?? boundary.Trigger.ErrorCode,
                attachedTo: NameOf(model, boundary.AttachedToId)),
            CatchEvent { Trigger.Kind: EventTriggerKind.Timer } wait => Make(RoutineStepKind.Wait, name, deadline: wait.Trigger.Timer?.Text),
            CatchEvent wait => Make(RoutineStepKind.Wait, name, description: wait.Trigger.MessageName),
            StartEvent when node.ScopeId is null => Make(RoutineStepKind.Start, name),
            EndEvent when node.ScopeId is null => Make(RoutineStepKind.End, name),
            _ => null,   // parallel splits, joins, a sub-process's own start and end: no step a person follows
        };
    }

    private static string NameOf(ProcessModel model, string id) =>
        model.Nodes.TryGetValue(id, out var node) && !string.IsNullOrWhiteSpace(node.Name) ? node.Name.Trim() : id;

    private string? DescriptionOf(string activityType) =>
        activities.Contains(activityType) && activities.Descriptor(activityType).DescriptionSv is { Length: > 0 } text ? text : null;

    /// <summary>The rule set a decision step names as a literal (<c>'entitlement'</c>); a computed name has no fixed rows.</summary>
    private static string? SetOf(ServiceTask task) =>
        task.Inputs.FirstOrDefault(i => i.Name == "set")?.Expression.Trim() is { Length: > 2 } expression
        && expression[0] is '\'' or '"' && expression[^1] == expression[0]
            ? expression[1..^1]
            : null;

    private async Task<RoutineDecision> DecisionAsync(ServiceTask task, string set, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(task.Name) ? task.Id : task.Name.Trim();
        PolicySetDetails details;
        try { details = await policies.GetAsync(set, ct); }
        catch (PolicySetNotFoundException) { return new RoutineDecision(task.Id, name, set, null, null, "", []); }
        // The rows in force: the published version's, not a draft's (a set never published has only drafts).
        if (details.PublishedVersion is not { } published || await policyVersions.FindAsync(set, published, ct) is not { } stored)
            return new RoutineDecision(task.Id, name, set, null, null, "", []);
        using var parsed = JsonDocument.Parse(stored.WorkflowJson);
        var table = parsed.RootElement;
        var rules = new List<RoutineRule>();
        if (table.TryGetProperty("rows", out var rows))
        {
            foreach (var row in rows.EnumerateArray())
            {
                if (row.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False) continue;
                var conditions = row.TryGetProperty("cells", out var cells)
                    ? cells.EnumerateObject().Where(c => c.Value.GetString() is { } v && v.Trim() != "-")
                        .Select(c => $"{c.Name}: {c.Value.GetString()!.Trim()}").ToList()
                    : [];
                if (row.TryGetProperty("condition", out var extra) && extra.GetString() is { Length: > 0 } condition) conditions.Add(condition);
                rules.Add(new RoutineRule(Text(row, "name") ?? "", conditions, Text(row, "outcome") ?? "",
                    row.TryGetProperty("reason", out var reason) ? Text(reason, "sv") ?? "" : ""));
            }
        }
        return new RoutineDecision(task.Id, name, set, published, Text(table, "description"), Text(table, "hitPolicy") ?? "First", rules);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<RoleChecklist> Checklists(IReadOnlyList<RoutineStep> steps) =>
        steps.Where(s => s.Kind == RoutineStepKind.Manual)
            .SelectMany(s => (s.Roles.Count > 0 ? s.Roles : [AssignedRole]).Select(role => (Role: role, Step: s)))
            .GroupBy(x => x.Role, StringComparer.Ordinal)
            .Select(g => new RoleChecklist(g.Key, g.Select(x => x.Step).ToList()))
            .ToList();

    /// <summary>The checklist of steps an assignee expression gives to one named person rather than to a role.</summary>
    public const string AssignedRole = "";

    private static IReadOnlyDictionary<string, string> LanesOf(XDocument document)
    {
        var lanes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lane in document.Descendants(Bpmn + "lane"))
        {
            var name = (string?)lane.Attribute("name");
            if (string.IsNullOrWhiteSpace(name)) continue;
            foreach (var reference in lane.Elements(Bpmn + "flowNodeRef")) lanes.TryAdd(reference.Value.Trim(), name.Trim());
        }
        return lanes;
    }

    private static string? PurposeOf(XDocument document) =>
        document.Root?.Elements(Bpmn + "process").FirstOrDefault()?.Elements(Bpmn + "documentation").FirstOrDefault()?.Value.Trim() is { Length: > 0 } text
            ? text
            : null;
}
