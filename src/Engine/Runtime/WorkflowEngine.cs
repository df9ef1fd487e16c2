using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Expressions;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// The write side: each public method is one command in one transaction, retried when it
/// loses an optimistic-concurrency race.
/// </summary>
internal sealed partial class WorkflowEngine(
    IWorkflowStore store,
    DefinitionCache definitions,
    PublishedVersions publishedVersions,
    ExpressionEvaluator expressions,
    ActivityCatalog activities,
    StateCodec codec,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<EngineOptions> options,
    WorkflowViews views,
    IJobDispatcher dispatcher,
    JobHandover handover,
    IOptions<JobOptions> jobOptions,
    ILogger<WorkflowEngine> logger) : IWorkflowEngine
{
    public const string ProcessOwnerRole = "ProcessOwner";
    public const string ServiceCenterRole = "ServiceCenter";

    private async Task<T> CommandAsync<T>(Caller caller, Func<CommandContext, Task<T>> body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Inside the try: a database busy at the start counts as a lost race too, and the transaction is
                // released before the back-off below rather than held (with SQLite's write lock) through it.
                await using var scope = scopes.CreateAsyncScope();
                await using var tx = await store.BeginAsync(ct);
                using var shared = tx.ShareWithActivities();
                var ctx = new CommandContext(tx, time.GetUtcNow(), caller, definitions, publishedVersions, expressions, activities, codec, scope.ServiceProvider);
                var result = await body(ctx);
                await ctx.SaveAsync(options.Value.MaxVariableBytes, ct);
                await tx.CommitAsync(ct);
                shared.Dispose();
                ctx.AfterCommit.HandTo(dispatcher, handover);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < options.Value.ConcurrencyRetries)
            {
                logger.LogDebug("Command lost a concurrency race (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
            catch (ConcurrencyConflictException e)
            {
                throw new ConflictException($"Another command changed the same instance; try again. ({e.Message})");
            }
        }
    }

    // ---- definitions ------------------------------------------------------------------

    public async Task<DefinitionVersionView> DeployAsync(string bpmnXml, bool publish, Caller caller, CancellationToken ct = default)
    {
        RequireProcessOwner(caller);
        var read = definitions.Read(bpmnXml);
        if (!read.Succeeded) throw new InvalidDefinitionException(read.Diagnostics);
        var model = read.Model!;
        return Published(await CommandAsync(caller, async ctx =>
        {
            var record = new DefinitionRecord
            {
                Key = model.Key, Version = await ctx.Tx.NextDefinitionVersionAsync(model.Key, ct), Name = model.Name,
                Xml = bpmnXml, DeployedAt = ctx.Now, DeployedBy = caller.UserName,
            };
            ctx.Tx.AddDefinition(record);
            if (publish) await PublishAsync(ctx, record, model, ct);
            logger.LogInformation("{User} deployed {Key} v{Version} (published: {Published})", caller.UserName, record.Key, record.Version, publish);
            return new DefinitionVersionView(record.Key, record.Version, record.Published);
        }, ct));
    }

    public async Task<DefinitionVersionView> PublishAsync(string key, int version, Caller caller, CancellationToken ct = default)
    {
        RequireProcessOwner(caller);
        return Published(await CommandAsync(caller, async ctx =>
        {
            var record = await ctx.Tx.LoadDefinitionAsync(key, version, ct)
                ?? throw new NotFoundException($"Process '{key}' has no version {version}.");
            if (!record.Published) await PublishAsync(ctx, record, definitions.Get(record), ct);
            return new DefinitionVersionView(record.Key, record.Version, record.Published);
        }, ct));
    }

    /// <summary>Starts on this host see a published version from the moment its command has committed.</summary>
    private DefinitionVersionView Published(DefinitionVersionView view)
    {
        if (view.Published) publishedVersions.Remember(view.Key, view.Version);
        return view;
    }

    /// <summary>Publishing the newest version also moves the message and timer start events to it.</summary>
    private async Task PublishAsync(CommandContext ctx, DefinitionRecord record, ProcessModel model, CancellationToken ct)
    {
        record.Published = true;
        record.PublishedAt = ctx.Now;
        var newest = await store.FindDefinitionAsync(record.Key, null, publishedOnly: true, ct);
        if (newest is not null && newest.Version > record.Version) return;
        var messages = StartMessageSubscriptions(record.Key, model, ctx.Now);
        var timers = model.StartEventsOf(null).Where(s => s.Trigger.Kind == EventTriggerKind.Timer).Select(s =>
        {
            var schedule = TimerSchedule.Parse(s.Trigger.Timer!.Kind, s.Trigger.Timer.Text, ctx.Now);
            return StartTimer(record.Key, s.Id, schedule);
        }).ToList();
        await ctx.Tx.ReplaceStartWaitsAsync(record.Key, messages, timers, ct);
    }

    /// <summary>The message start events of a process version, as subscriptions that start instances.</summary>
    private static List<MessageSubscriptionRecord> StartMessageSubscriptions(string key, ProcessModel model, DateTimeOffset now) =>
        model.StartEventsOf(null).Where(s => s.Trigger.Kind == EventTriggerKind.Message).Select(s => new MessageSubscriptionRecord
        {
            Id = Guid.CreateVersion7(now), DefinitionKey = key, ElementId = s.Id, MessageName = s.Trigger.MessageName!, CreatedAt = now,
        }).ToList();

    private static TimerRecord StartTimer(string key, string elementId, TimerSchedule schedule) => new()
    {
        Id = Guid.NewGuid(), DefinitionKey = key, ElementId = elementId, DueAt = schedule.DueAt,
        RemainingRepetitions = schedule.RemainingRepetitions, Interval = schedule.Interval,
    };

    private static void RequireProcessOwner(Caller caller)
    {
        if (!caller.IsAdmin && !caller.Roles.Contains(ProcessOwnerRole))
            throw new ForbiddenException("Only a process owner or an admin may deploy or publish process definitions.");
    }

    // ---- instances --------------------------------------------------------------------

    public async Task<InstanceView> StartAsync(StartInstance request, Caller caller, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey)) throw new InvalidRequestException("definitionKey is required.");
        var started = await CommandAsync(caller, async ctx =>
        {
            var definition = await ctx.FindPublishedAsync(request.DefinitionKey, ct)
                ?? throw new NotFoundException($"Process '{request.DefinitionKey}' has no published version.");
            var model = definition.Model;
            // Who may start comes first: someone who may not gets a 403 whatever the variables hold, not a
            // validation answer that tells them about the process.
            if (!caller.IsAdmin && !caller.HasAnyRole(model.StarterRoles))
                throw new ForbiddenException($"You may not start '{model.Key}'; it may be started by: {(model.StarterRoles.Count == 0 ? "admin" : string.Join(", ", model.StarterRoles))}.");
            RefuseRawPersonalNumber(request.Variables);
            var startedFor = StartedFor(request, caller);
            if (!caller.IsAdmin && model.StartCondition is { } condition && !StartAllowed(condition, request.Variables, caller))
                throw new ForbiddenException($"You may not start '{model.Key}' with these variables (rjh:startCondition: {condition}).");
            var start = model.StartEventsOf(null).OrderBy(s => s.Trigger.Kind != EventTriggerKind.None).First();
            var execution = ctx.CreateInstance(definition, request.BusinessKey, (JsonObject?)request.Variables?.DeepClone(),
                startedFor: startedFor);
            execution.StartAt(start);
            await execution.RunAsync(ct);
            return execution;
        }, ct);
        // A new instance's whole state is at hand: no need to read it back, nor to parse what was stored. The command is
        // over, so its state may be masked in place.
        return views.Instance(started.Record, started.State, started.NewIncidents);
    }

    private static string? StartedFor(StartInstance request, Caller caller)
    {
        var user = request.StartedFor?.Trim();
        if (string.IsNullOrEmpty(user) || user == caller.UserName) return null;
        return user.Length <= WorkflowDbContext.UserNameLength ? user
            : throw new InvalidRequestException($"startedFor can be at most {WorkflowDbContext.UserNameLength} characters.");
    }

    /// <summary>
    /// Start and message variables come from a caller, not from the register: a personnummer among them would sit in the
    /// instance before any step could protect it. Workflows carry employee ids and look the number up when they need it.
    /// </summary>
    private static void RefuseRawPersonalNumber(JsonObject? variables, string refused = "nothing was started")
    {
        if (PersonalNumberText.FindIn(variables, "variables") is { } path)
            throw new InvalidRequestException($"{path} holds a personnummer. Processes carry employee ids, never " +
                $"a personnummer; {refused}.");
    }

    private bool StartAllowed(string condition, JsonObject? variables, Caller caller)
    {
        var globals = new Dictionary<string, JsonNode?>
        {
            ["vars"] = variables?.DeepClone() ?? new JsonObject(),
            ["caller"] = new JsonObject
            {
                ["userName"] = caller.UserName,
                ["roles"] = new JsonArray([.. caller.Roles.Order(StringComparer.Ordinal).Select(r => (JsonNode)r)]),
            },
        };
        try { return expressions.EvaluateCondition(condition, globals); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ForbiddenException($"The start condition of this process could not be evaluated: {e.Message}");
        }
    }

    public async Task<InstanceView> CancelAsync(Guid instanceId, Caller caller, CancellationToken ct = default)
    {
        await CommandAsync(caller, async ctx =>
        {
            var execution = await ctx.LoadAsync(instanceId, ct);
            if (!caller.IsAdmin && execution.Record.StartedBy != caller.UserName)
                throw new ForbiddenException("Only the user who started an instance, or an admin, may cancel it.");
            await execution.CancelAsync(ct);
            return true;
        }, ct);
        return await views.InstanceAsync(instanceId, ct);
    }
}
