using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Engine.Bench;

/// <summary>The engine composed as the Host does it, without HTTP, on the benchmark's database.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public static readonly Caller Admin = new("bench", new HashSet<string> { Caller.AdminRole, "ProcessOwner" });
    private readonly ServiceProvider services;

    private EngineHost(ServiceProvider services) => this.services = services;

    public IWorkflowEngine Engine => services.GetRequiredService<IWorkflowEngine>();
    public IServiceProvider Services => services;

    public static async Task<EngineHost> StartAsync(BenchDatabase database, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Engine:ConcurrencyRetries"] = "20",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddWorkflowEngine(configuration);
        configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await provider.MigrateWorkflowStoreAsync();
        return new EngineHost(provider);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
