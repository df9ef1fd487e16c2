using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Expressions;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// One command: its transaction, its clock reading and caller, and every instance it touched
/// (a call activity touches parent and child). <see cref="SaveAsync"/> writes them all.
/// </summary>
internal sealed class CommandContext(
    IWorkflowTransaction tx,
    DateTimeOffset now,
    Caller caller,
    DefinitionCache definitions,
    PublishedVersions publishedVersions,
    ExpressionEvaluator expressions,
    ActivityCatalog activities,
    StateCodec codec,
    IServiceProvider services)
{
    private readonly Dictionary<Guid, ProcessExecution> executions = [];

    public IWorkflowTransaction Tx { get; } = tx;
    public AfterCommitWork AfterCommit { get; } = new();
    public DateTimeOffset Now { get; } = now;
    public Caller Caller { get; } = caller;
    public ExpressionEvaluator Expressions { get; } = expressions;
    public ActivityCatalog Activities { get; } = activities;
    public IServiceProvider Services { get; } = services;
    public StateCodec Codec { get; } = codec;

    public async Task<ProcessExecution?> TryLoadAsync(Guid instanceId, CancellationToken ct)
    {
        if (executions.TryGetValue(instanceId, out var loaded)) return loaded;
        var record = await Tx.LoadInstanceAsync(instanceId, ct);
        if (record is null) return null;
        var model = await ModelAsync(record.DefinitionKey, record.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Definition {record.DefinitionKey} v{record.DefinitionVersion} of instance {record.Id} is missing.");
        var execution = new ProcessExecution(this, record, Codec.Deserialize(record.State), model);
        executions[instanceId] = execution;
        return execution;
    }

    public async Task<ProcessExecution> LoadAsync(Guid instanceId, CancellationToken ct) =>
        await TryLoadAsync(instanceId, ct) ?? throw new NotFoundException($"Instance {instanceId} does not exist.");

    /// <summary>The newest published version of a process key, parsed.</summary>
    /// <remarks>
    /// The number comes from <see cref="PublishedVersions"/> (remembered briefly) or the command's own transaction; the
    /// XML is read only the first time a version is used (versions never change once stored).
    /// </remarks>
    public async Task<PublishedDefinition?> FindPublishedAsync(string key, CancellationToken ct)
    {
        if (await publishedVersions.GetAsync(key, () => Tx.FindPublishedVersionAsync(key, ct)) is not { } version) return null;
        return await ModelAsync(key, version, ct) is { } model ? new PublishedDefinition(key, version, model) : null;
    }

    private async Task<ProcessModel?> ModelAsync(string key, int version, CancellationToken ct) =>
        definitions.TryGet(key, version)
        ?? (await Tx.LoadDefinitionAsync(key, version, ct) is { } definition ? definitions.Get(definition) : null);

    public ProcessExecution CreateInstance(PublishedDefinition definition, string? businessKey,
        JsonObject? variables, Guid? parentInstanceId = null, string? parentTokenId = null, string? startedFor = null)
    {
        var state = new InstanceState { Variables = variables ?? [] };
        var record = new InstanceRecord
        {
            Id = Guid.CreateVersion7(Now),
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Running,
            // Written by SaveAsync with every other instance the command touched, as it ends: serialising it here too
            // was work thrown away.
            State = "",
            StartedAt = Now,
            StartedBy = Caller.UserName,
            StartedFor = startedFor,
            ParentInstanceId = parentInstanceId,
            ParentTokenId = parentTokenId,
        };
        Tx.AddInstance(record);
        var execution = new ProcessExecution(this, record, state, definition.Model) { IsNew = true };
        executions[record.Id] = execution;
        return execution;
    }

    public void Journal(Guid instanceId, string kind, string? elementId, string? detail = null, string? actor = null) =>
        Tx.Append(new JournalRecord
        {
            InstanceId = instanceId, At = Now, Kind = kind, ElementId = elementId,
            // A detail may quote a value (an error's message); a personnummer in it never reaches the journal.
            Actor = actor ?? Caller.UserName, Detail = detail is null ? null : PersonalNumberText.Mask(detail),
        });

    /// <summary>Writes the state and waits of every touched instance into the transaction.</summary>
    /// <exception cref="TooLargeException">An instance's variables grew past <paramref name="maxVariableBytes"/>; nothing is written.</exception>
    public async Task SaveAsync(int maxVariableBytes, CancellationToken ct)
    {
        foreach (var execution in executions.Values)
        {
            var size = execution.State.VariableBytes();
            if (size > maxVariableBytes)
                throw new TooLargeException($"The instance's variables would take {size / 1024} KB; at most {maxVariableBytes / 1024} KB are allowed. Nothing was stored.");
        }
        foreach (var execution in executions.Values)
        {
            var record = execution.Record;
            record.State = Codec.Serialize(execution.State);
            // Every command that touched an instance bumps its revision, so a racing command on the
            // same instance fails its commit even when the state text happens to be identical.
            if (!execution.IsNew) record.Revision++;
            if (!execution.WaitsChanged) continue;
            var (messages, timers) = execution.ProjectWaits();
            await Tx.ReplaceWaitsAsync(record.Id, messages, timers, ct);
        }
    }
}

/// <summary>The newest published version of a process key, parsed.</summary>
public sealed record PublishedDefinition(string Key, int Version, ProcessModel Model);
