using RJH.DeviceWorkflows.Testing;
using Microsoft.Data.Sqlite;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// An empty database for one test: a SQLite file in a fresh temp folder, or a fresh database on the
/// run's <see cref="PostgresCluster"/>. Disposing deletes it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseKind kind, string connectionString, string? folder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Folder = folder;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    /// <summary>The SQLite file's temp folder; null on PostgreSQL.</summary>
    public string? Folder { get; }
    public DatabaseOptions Options => DatabaseOptions.For(Kind, ConnectionString);

    /// <param name="connectionOptions">Appended to the connection string, e.g. "Default Timeout=1".</param>
    /// <remarks>
    /// PostgreSQL: skips the test when RJH_SKIP_POSTGRES=1, fails it when the server programs are missing.
    /// </remarks>
    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, string? connectionOptions = null)
    {
        var suffix = connectionOptions is null ? "" : ";" + connectionOptions;
        switch (kind)
        {
            case DatabaseKind.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), "rjh-store-" + Guid.NewGuid().ToString("N"));
                // A subfolder that does not exist yet, as "data/rjh.db" on a first start.
                return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "data", "engine.db")}{suffix}", folder);
            case DatabaseKind.PostgreSql:
                Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
                var cluster = await PostgresCluster.GetAsync();
                return new TestDatabase(kind, await cluster.CreateDatabaseAsync() + suffix, folder: null);
            default:
                throw new NotSupportedException($"{kind} cannot run here; its migrations are only compile-tested.");
        }
    }

    /// <summary>Closes this database's pooled connections, as a stopped host would, keeping the data.</summary>
    public void ReleaseConnections()
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
        else
        {
            PostgresCluster.ClearPools(ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseConnections();
        if (Kind == DatabaseKind.PostgreSql)
        {
            await (await PostgresCluster.GetAsync()).DropDatabaseAsync(ConnectionString);
            return;
        }
        try
        {
            Directory.Delete(Folder!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
