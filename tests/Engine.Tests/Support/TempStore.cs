using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// A migrated <see cref="TestDatabase"/> with the store registered the way the Host does it.
/// <code>await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite); var store = db.Store;</code>
/// Disposing deletes the database.
/// </summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private TempStore(TestDatabase database, ServiceProvider provider)
    {
        Database = database;
        this.provider = provider;
    }

    public TestDatabase Database { get; }
    public string ConnectionString => Database.ConnectionString;
    public IServiceProvider Services => provider;
    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    /// <param name="kind">Which database product.</param>
    /// <param name="connectionOptions">Appended to the connection string, e.g. "Default Timeout=1".</param>
    public static async Task<TempStore> CreateAsync(DatabaseKind kind, string? connectionOptions = null)
    {
        var database = await TestDatabase.CreateAsync(kind, connectionOptions);
        var provider = new ServiceCollection().AddEfWorkflowStore(database.Options).BuildServiceProvider();
        try
        {
            await provider.MigrateWorkflowStoreAsync();
        }
        catch
        {
            await provider.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
        return new TempStore(database, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
