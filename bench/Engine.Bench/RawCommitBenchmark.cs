using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Bench;

/// <summary>
/// The ceiling for P1: how many single-row UPDATE transactions the same database commits per second
/// with the same number of workers. An engine command cannot commit faster than this.
/// </summary>
internal static class RawCommitBenchmark
{
    public static async Task<double> RunAsync(BenchDatabase database, BenchOptions options)
    {
        var factory = Factory(database);
        // A table of its own (and, for SQLite, a file of its own) so the engine's tables are not touched. The connection
        // string is the one the product's contexts open (on PostgreSQL with automatic preparation), so the UPDATE gets
        // what the engine's statements get.
        var connectionString = DatabaseProvider.ConnectionStringFor(new DatabaseOptions(database.Provider, database.ConnectionString))
            .Replace(".db", "-raw.db", StringComparison.Ordinal);
        await using (var setup = await OpenAsync(factory, connectionString))
        {
            if (database.Provider == "Sqlite") await ExecuteAsync(setup, "PRAGMA journal_mode=WAL;");
            await ExecuteAsync(setup, "DROP TABLE IF EXISTS bench_counter;");
            await ExecuteAsync(setup, "CREATE TABLE bench_counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);");
            for (var i = 0; i < options.Workers; i++) await ExecuteAsync(setup, $"INSERT INTO bench_counter VALUES ({i}, 0);");
        }

        var commits = 0L;
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(worker => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(factory, connectionString);
            while (clock.Elapsed < duration)
            {
                await using var tx = await connection.BeginTransactionAsync();
                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = $"UPDATE bench_counter SET value = value + 1 WHERE id = {worker};";
                await command.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                Interlocked.Increment(ref commits);
            }
        })));
        return commits / clock.Elapsed.TotalSeconds;
    }

    internal static DbProviderFactory Factory(BenchDatabase database) => database.Provider switch
    {
        "Sqlite" => SqliteFactory.Instance,
        _ => Npgsql.NpgsqlFactory.Instance,
    };

    internal static async Task<DbConnection> OpenAsync(DbProviderFactory factory, string connectionString)
    {
        var connection = factory.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
