using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>Hangfire's storage follows Database:Provider, on the same connection string as the engine.</summary>
internal static class HangfireStorage
{
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";

    /// <summary>Hangfire's tables stay apart from the engine's.</summary>
    public const string Schema = "hangfire";

    /// <remarks>
    /// SQLite is the embedded single-host default and Hangfire has no storage for it, so jobs live in memory:
    /// nothing is lost on a restart because the engine re-dispatches its pending outbox at start.
    /// </remarks>
    /// <param name="queuePollInterval">How often an idle PostgreSQL worker looks for work (<see cref="JobSettings.QueuePollInterval"/>).</param>
    public static JobStorage Create(DatabaseOptions database, TimeSpan queuePollInterval)
    {
        if (database.IsSqlite) return new InMemoryStorage();
        if (Is(database, PostgreSql))
        {
            // Polling, not long polling (LISTEN/NOTIFY): with long polling a worker waits on the listening connection
            // without a time limit, and when that connection went away under load the worker and the job it had
            // fetched waited until the outbox sweep (twice in five long bench runs, 2026-12-07; the storage's open
            // issue #410 describes the same). A busy worker fetches its next job at once either way.
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = Schema, PrepareSchemaIfNecessary = true, EnableLongPolling = false, QueuePollInterval = queuePollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options, null), options);
        }
        if (Is(database, SqlServer))
            return new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.Zero,
            });
        throw new NotSupportedException(
            $"Database:Provider '{database.Provider}' has no Hangfire storage. Use {DatabaseOptions.Sqlite}, {PostgreSql} or {SqlServer}, " +
            $"or set {JobSettings.Section}:Runner to {JobSettings.InProcessRunner}.");
    }

    private static bool Is(DatabaseOptions database, string provider) =>
        string.Equals(database.Provider, provider, StringComparison.OrdinalIgnoreCase);
}
