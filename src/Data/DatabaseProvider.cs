using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
                options.UseNpgsql(ConnectionStringFor(database));
                break;
            case DatabaseKind.SqlServer:
                options.UseSqlServer(database.ConnectionString);
                break;
        }
    }

    /// <summary>The connection string the product's contexts open: the configured one, on PostgreSQL with its defaults added.</summary>
    public static string ConnectionStringFor(DatabaseOptions database) =>
        database.Kind == DatabaseKind.PostgreSql ? PostgresConnectionString(database.ConnectionString) : database.ConnectionString;

    /// <summary>Statements automatic preparation keeps per connection, unless the connection string says otherwise.</summary>
    public const int PostgresAutoPreparedStatements = 64;

    /// <summary>
    /// The connection string the product's contexts use on PostgreSQL: the configured one, with two Npgsql settings
    /// added unless it sets them itself (P2 and P5 on PostgreSQL, docs/benchmarks.md):
    /// <list type="bullet">
    /// <item>automatic preparation: a statement used twice on a pooled connection is prepared there, and PostgreSQL stops
    /// parsing and planning it each time (the server's CPU in P5 went down by a third). The hot statements are a few dozen
    /// fixed texts; the rarer ones take turns. "Max Auto Prepare=0" turns it off, e.g. behind a pooler that cannot keep
    /// prepared statements;</item>
    /// <item>no reset when a connection goes back to the pool: with prepared statements Npgsql would otherwise send seven
    /// statements (RESET ALL, CLOSE ALL, UNLISTEN *, ...) before a connection's next use, some ten per started
    /// instance. The product keeps no session state (no SET, LISTEN, advisory or temporary tables) in its contexts.</item>
    /// </list>
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        bool Sets(params string[] keys) => keys.Any(given.ContainsKey);
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var changed = false;
        if (!Sets("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PostgresAutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
            changed = true;
        }
        if (!Sets("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
            changed = true;
        }
        return changed ? builder.ConnectionString : configured;
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
