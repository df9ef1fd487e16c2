using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// A migrated SQLite file in a fresh temp folder, registered the way the Host does it.
/// <code>await using var db = await TempSqliteStore.CreateAsync(); var store = db.Store;</code>
/// Disposing deletes the folder.
/// </summary>
internal sealed class TempSqliteStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private TempSqliteStore(string folder, string connectionString, ServiceProvider provider)
    {
        Folder = folder;
        ConnectionString = connectionString;
        this.provider = provider;
    }

    public string Folder { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services => provider;
    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    /// <param name="configure">More registrations (e.g. the engine) on the same collection.</param>
    /// <param name="connectionOptions">Appended to the connection string, e.g. "Default Timeout=1".</param>
    public static async Task<TempSqliteStore> CreateAsync(Action<IServiceCollection>? configure = null,
        string? connectionOptions = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rjh-store-" + Guid.NewGuid().ToString("N"));
        // A subfolder that does not exist yet, as "data/rjh.db" on a first start.
        var connectionString = $"Data Source={Path.Combine(folder, "data", "engine.db")}";
        if (connectionOptions is not null)
            connectionString += ";" + connectionOptions;

        var services = new ServiceCollection().AddEfWorkflowStore(connectionString);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.MigrateWorkflowStoreAsync();
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
        return new TempSqliteStore(folder, connectionString, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        // Pooled connections keep the file open; close this database's ones before deleting it.
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
