using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>
/// The engine as a host composes it, on a real database (a SQLite file in a temp folder or a database
/// on the run's PostgreSQL cluster), with a fake clock. Each test gets its own database.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly Caller Admin = new("admin", new HashSet<string> { "Admin", "ProcessOwner", "Manager", "Employee", "ServiceCenter", "HR", "SafetyRep" });

    private readonly ServiceProvider services;
    /// <summary>The harness's database; it outlives <see cref="StopAsync"/> so a second harness can reopen it.</summary>
    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public IWorkflowEngine Engine { get; }
    public IWorkflowQueries Queries { get; }
    public IWorkflowStore Store { get; }
    public ManualJobDispatcher Dispatcher { get; } = new();
    public IJobRunner Jobs => services.GetRequiredService<IJobRunner>();
    public IServiceProvider Services => services;

    private EngineHarness(TestDatabase database, FakeTimeProvider clock, Action<IServiceCollection>? configure)
    {
        Database = database;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Kind.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Engine:ConcurrencyRetries"] = "10",
            ["Engine:Jobs:MaxAttempts"] = "3",
            ["Engine:Jobs:BaseDelay"] = "00:00:10",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IJobDispatcher>(Dispatcher);
        collection.AddWorkflowEngine(configuration);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
        Engine = services.GetRequiredService<IWorkflowEngine>();
        Queries = services.GetRequiredService<IWorkflowQueries>();
        Store = services.GetRequiredService<IWorkflowStore>();
    }

    /// <summary>An engine on a new, migrated database of the kind.</summary>
    public static async Task<EngineHarness> CreateAsync(DatabaseKind kind, Action<IServiceCollection>? configure = null) =>
        await CreateAsync(await TestDatabase.CreateAsync(kind), configure);

    /// <summary>
    /// An engine on an existing database, e.g. the one a stopped harness left behind, migrated as a host
    /// does at start. The new harness owns the database and deletes it when disposed.
    /// </summary>
    public static async Task<EngineHarness> CreateAsync(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var harness = new EngineHarness(database, clock, configure);
        try
        {
            await harness.services.MigrateWorkflowStoreAsync();
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
        return harness;
    }

    public async Task<DefinitionVersionView> DeployAsync(string xml, bool publish = true) =>
        await Engine.DeployAsync(xml, publish, Admin);

    public async Task<InstanceView> StartAsync(string key, object? variables = null, Caller? caller = null, string? businessKey = null) =>
        await Engine.StartAsync(new StartInstance(key, businessKey, Json(variables)), caller ?? Admin);

    public async Task<InstanceView> DeployAndStartAsync(string xml, object? variables = null)
    {
        var deployed = await DeployAsync(xml);
        return await StartAsync(deployed.Key, variables);
    }

    public async Task<InstanceView> InstanceAsync(Guid id) =>
        await Queries.GetInstanceAsync(id, Admin) ?? throw new InvalidOperationException($"No instance {id}");

    public async Task<IReadOnlyList<TaskView>> OpenTasksAsync(Guid instanceId) =>
        (await Store.ListTasksAsync(new TaskQuery(instanceId))).Select(t => WorkflowViewsFor(t)).ToList();

    private TaskView WorkflowViewsFor(UserTaskRecord t) =>
        new(t.Id, t.InstanceId, t.ElementId, t.Name, t.FormKey, t.Assignee, t.CandidateRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            t.CreatedAt, t.DueAt, t.Status.ToString(), []);

    /// <summary>Completes the one open task at the element, as admin.</summary>
    public async Task<InstanceView> CompleteAsync(Guid instanceId, string elementId, object? variables = null, Caller? caller = null)
    {
        var task = (await OpenTasksAsync(instanceId)).Single(t => t.ElementId == elementId);
        await Engine.CompleteTaskAsync(task.Id, Json(variables), caller ?? Admin);
        return await InstanceAsync(instanceId);
    }

    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await Engine.FireDueTimersAsync();
    }

    /// <summary>Runs every dispatched job whose time has come, as Hangfire would; returns how many ran.</summary>
    public async Task<int> RunJobsAsync()
    {
        var ran = 0;
        var later = new List<(Guid, DateTimeOffset?)>();
        while (Dispatcher.Jobs.TryDequeue(out var job))
        {
            if (job.NotBefore > Clock.GetUtcNow()) { later.Add(job); continue; }
            await Jobs.RunJobAsync(job.Id);
            ran++;
        }
        foreach (var job in later) Dispatcher.Jobs.Enqueue(job);
        return ran;
    }

    public async Task<IReadOnlyList<JournalEntryView>> JournalAsync(Guid id) => await Queries.GetJournalAsync(id, Admin);

    public static JsonObject? Json(object? value) => value switch
    {
        null => null,
        JsonObject o => o,
        string s => JsonNode.Parse(s)!.AsObject(),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject(),
    };

    /// <summary>Stops the engine and closes its connections, keeping the database for a restart.</summary>
    public async Task StopAsync()
    {
        await services.DisposeAsync();
        Database.ReleaseConnections();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>An activity for tests that records its calls and returns its inputs doubled where numeric.</summary>
[Activity("Test.Record")]
public sealed class RecordingActivity : IActivity
{
    public static readonly System.Collections.Concurrent.ConcurrentBag<string> Keys = [];
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        Keys.Add(context.IdempotencyKey);
        var outputs = context.Inputs.ToDictionary(i => i.Key, i => i.Value?.DeepClone());
        outputs["key"] = context.IdempotencyKey;
        return Task.FromResult(new ActivityResult(outputs) { JournalNote = $"recorded {context.Inputs.Count} input(s)" });
    }
}

[Activity("Test.Throw")]
public sealed class ThrowingActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        throw new InvalidOperationException("simulated outage");
}
