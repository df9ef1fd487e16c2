using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Lets SQLite itself wait for a busy database, on every connection the product's contexts open. Without it a
/// writer that finds another one holding the lock gets "busy" at once, and Microsoft.Data.Sqlite retries after
/// sleeping 150 ms each time (measured here: 145 ms between one writer's commit and the next one's BEGIN), while the
/// lock was usually free again within a millisecond. SQLite's own busy handler retries after 1, 2, 5, 10 … ms
/// (3 ms measured). The wait ends where it did before: after the connection string's "Default Timeout" (30 s unless
/// set), the command fails as busy.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private SqliteBusyTimeout() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A native call on the open handle, not a PRAGMA statement: connections come back from the pool on every open.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
            SQLitePCL.raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout <= 0 ? int.MaxValue : sqlite.DefaultTimeout * 1000);
    }
}
