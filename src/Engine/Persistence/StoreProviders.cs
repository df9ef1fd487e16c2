using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>The one place that knows which database products the store runs on.</summary>
internal static class StoreProviders
{
    public const string Sqlite = "Sqlite";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider)
        {
            case Sqlite:
                // Busy waiting comes from the connection string's "Default Timeout" (30 s unless set):
                // a writer blocked by BEGIN IMMEDIATE waits that long before failing as busy.
                options.UseSqlite(connectionString);
                break;
            default:
                throw new NotSupportedException($"Database provider '{provider}' is not supported; use '{Sqlite}'.");
        }
    }

    /// <summary>
    /// Creates the folder of a SQLite file (e.g. "data/" of "Data Source=data/rjh.db"); SQLite creates
    /// the file but not its directory. Nothing to do for in-memory or URI data sources.
    /// </summary>
    public static void EnsureSqliteDirectory(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source)
            || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;

        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
