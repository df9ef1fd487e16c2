using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// Shapes stored records into the API's views: the one way out of the engine, so personal variables are masked here and
/// a personnummer in an error or journal text as well.
/// </summary>
internal sealed class WorkflowViews(IWorkflowStore store, StateCodec codec)
{
    public async Task<InstanceView> InstanceAsync(Guid id, CancellationToken ct) =>
        await TryInstanceAsync(id, ct) ?? throw new NotFoundException($"Instance {id} does not exist.");

    public async Task<InstanceView?> TryInstanceAsync(Guid id, CancellationToken ct)
    {
        var record = await store.FindInstanceAsync(id, ct);
        if (record is null) return null;
        var incidents = await store.ListIncidentsAsync(id, openOnly: false, ct);
        return Instance(record, incidents);
    }

    public InstanceView Instance(InstanceRecord record, IReadOnlyList<IncidentRecord> incidents) =>
        Instance(record, codec.Deserialize(record.State, lenient: true), incidents);

    /// <param name="state">The instance's state as its last command left it (its variables are masked in place).</param>
    public InstanceView Instance(InstanceRecord record, InstanceState state, IReadOnlyList<IncidentRecord> incidents)
    {
        return new InstanceView(record.Id, record.DefinitionKey, record.DefinitionVersion, record.BusinessKey,
            record.Status.ToString(), codec.Personal.Mask(state.Variables),
            state.Tokens.Select(t => t.ElementId).Distinct().ToList(),
            incidents.Select(Incident).ToList(),
            record.StartedAt, record.EndedAt, record.StartedBy, record.ParentInstanceId)
        {
            ActiveTokens = state.Tokens.GroupBy(t => t.ElementId).ToDictionary(g => g.Key, g => g.Count()),
            CalledInstances = state.Tokens.Where(t => t.ChildInstanceId is not null).GroupBy(t => t.ElementId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(t => t.ChildInstanceId!.Value).ToList()),
            StartedFor = record.StartedFor,
        };
    }

    public static IncidentView Incident(IncidentRecord i) =>
        new(i.Id, i.ElementId, PersonalNumberText.Mask(i.Error), i.Attempts, i.CreatedAt, i.ResolvedAt, i.ErrorCode);

    public async Task<TaskView> TaskAsync(Guid id, CancellationToken ct)
    {
        var task = await store.FindTaskAsync(id, ct) ?? throw new NotFoundException($"Task {id} does not exist.");
        var instance = await store.FindInstanceAsync(task.InstanceId, ct);
        return Task(task, instance);
    }

    /// <summary>A task with the variables its form sees: the instance's, plus those of its iteration.</summary>
    public TaskView Task(UserTaskRecord task, InstanceRecord? instance)
    {
        var variables = new JsonObject();
        if (instance is not null)
        {
            var state = codec.Deserialize(instance.State, lenient: true);
            variables = (JsonObject)state.Variables.DeepClone();
            var token = state.Tokens.Find(t => t.Id == task.TokenId);
            for (var scope = state.Scopes.Find(s => s.Id == token?.ScopeId); scope is not null; scope = state.Scopes.Find(s => s.Id == scope.ParentId))
                foreach (var (name, value) in scope.Locals ?? [])
                    variables.TryAdd(name, value?.DeepClone());
        }
        return new TaskView(task.Id, task.InstanceId, task.ElementId, task.Name, task.FormKey, task.Assignee,
            TaskAccess.Roles(task), task.CreatedAt, task.DueAt, task.Status.ToString(), codec.Personal.Mask(variables),
            task.DefinitionKey ?? instance?.DefinitionKey, task.BusinessKey ?? instance?.BusinessKey, task.PersonName);
    }
}
