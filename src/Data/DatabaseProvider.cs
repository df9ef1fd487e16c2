using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Data;

/// <summary>The one place that knows which database products the product runs on.</summary>
public static class DatabaseProvider
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Kind)
        {
            case DatabaseKind.Sqlite:
                // Busy waiting comes from the connection string's "Default Timeout" (30 s unless set):
                // a writer blocked by BEGIN IMMEDIATE waits that long before failing as busy, in SQLite's own
                // busy handler (SqliteBusyTimeout).
                options.UseSqlite(database.ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseKind.PostgreSql:
                options.UseNpgsql(database.ConnectionString);
                break;
            case DatabaseKind.SqlServer:
                options.UseSqlServer(database.ConnectionString);
                break;
        }
    }

    /// <summary>
    /// Migrates a context; on a server the database itself is created when missing. For SQLite it first
    /// creates the file's folder (SQLite creates the file but not its directory) and afterwards switches
    /// to WAL, so queries keep reading while a command writes.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken ct = default)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite) EnsureSqliteDirectory(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public static void EnsureSqliteDirectory(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source)
            || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
