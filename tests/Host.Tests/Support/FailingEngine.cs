using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>
/// Stands in for the engine in tests of the Host alone: every call throws the given error (only the timer
/// poll is harmless). <see cref="Unreachable"/> turns a request that should have been refused before
/// reaching the engine into a 500, so the test fails.
/// </summary>
internal sealed class FailingEngine(Func<Exception> failure) : IWorkflowEngine, IWorkflowQueries
{
    public static FailingEngine Unreachable => new(() => new InvalidOperationException("The request reached the engine."));

    private Exception Reached() => failure();

    public IServiceCollection Register(IServiceCollection services) =>
        services.AddSingleton<IWorkflowEngine>(this).AddSingleton<IWorkflowQueries>(this);

    public Task<int> FireDueTimersAsync(CancellationToken ct = default) => Task.FromResult(0);

    public Task<DefinitionVersionView> DeployAsync(string bpmnXml, bool publish, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<DefinitionVersionView> PublishAsync(string key, int version, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<InstanceView> StartAsync(StartInstance request, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<InstanceView> CancelAsync(Guid instanceId, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<TaskView> ClaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<TaskView> UnclaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<TaskView> CompleteTaskAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<InstanceView> RetryIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<InstanceView> ResolveIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<int> CorrelateMessageAsync(string name, string? correlationKey, JsonObject? variables, Caller caller, CancellationToken ct = default) => throw Reached();

    public Task<IReadOnlyList<DefinitionSummaryView>> ListDefinitionsAsync(CancellationToken ct = default) => throw Reached();
    public Task<DefinitionSummaryView?> GetDefinitionAsync(string key, CancellationToken ct = default) => throw Reached();
    public Task<string?> GetDefinitionXmlAsync(string key, int version, CancellationToken ct = default) => throw Reached();
    public Task<InstanceView?> GetInstanceAsync(Guid id, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceQuery query, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<JournalEntryView>>> GetJournalsAsync(IReadOnlyCollection<Guid> instanceIds, Caller caller,
        CancellationToken ct = default) => throw Reached();
    public Task<InstancePage> FindInstancesAsync(InstanceFilter filter, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<IReadOnlyList<TaskView>> ListTasksAsync(Caller caller, Guid? instanceId, int limit = 100, CancellationToken ct = default) => throw Reached();
    public Task<InboxPage> FindTasksAsync(Caller caller, InboxQuery query, CancellationToken ct = default) => throw Reached();
    public Task<TaskView?> GetTaskAsync(Guid id, Caller caller, CancellationToken ct = default) => throw Reached();
    public Task<IReadOnlyList<IncidentListItem>> ListIncidentsAsync(Caller caller, CancellationToken ct = default) => throw Reached();
}
