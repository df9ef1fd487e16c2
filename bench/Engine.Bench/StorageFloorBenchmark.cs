using System.Data.Common;
using System.Diagnostics;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Bench;

/// <summary>
/// The floor under P1: the two rows a ten-step instance stores (its instance row and its journal page, copied from an
/// instance P1 completed), inserted with prepared statements and no engine, one transaction per instance, by the same
/// number of workers. What stays between this and the raw commit rate is what storing an instance costs the database;
/// what stays between P1 and this is the engine's.
/// </summary>
internal static class StorageFloorBenchmark
{
    public static async Task<double> RunAsync(BenchDatabase database, BenchOptions options)
    {
        var connectionString = DatabaseProvider.ConnectionStringFor(new DatabaseOptions(database.Provider, database.ConnectionString));
        var factory = RawCommitBenchmark.Factory(database);
        Row instance, page;
        await using (var setup = await RawCommitBenchmark.OpenAsync(factory, connectionString))
        {
            instance = await ReadRowAsync(setup, """SELECT * FROM "Instances" WHERE "Status" = 'Completed' LIMIT 1""");
            page = await ReadRowAsync(setup, $"""SELECT * FROM "JournalPages" WHERE "InstanceId" = '{instance["Id"]}' LIMIT 1""");
        }
        page.Remove("Id"); // assigned by the database, as for the engine

        var inserts = 0L;
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await RawCommitBenchmark.OpenAsync(factory, connectionString);
            await using var insertInstance = Insert(connection, "Instances", instance);
            await using var insertPage = Insert(connection, "JournalPages", page);
            while (clock.Elapsed < duration)
            {
                // As the engine stores it: uuid on PostgreSQL, EF's upper-case text on SQLite.
                var guid = Guid.CreateVersion7(); // time-ordered, as the engine makes instance ids
                object id = database.Provider == "Sqlite" ? guid.ToString().ToUpperInvariant() : guid;
                await using var tx = await connection.BeginTransactionAsync();
                insertInstance.Transaction = tx;
                insertPage.Transaction = tx;
                insertInstance.Parameters["@Id"].Value = id;
                insertPage.Parameters["@InstanceId"].Value = id;
                await insertInstance.ExecuteNonQueryAsync();
                await insertPage.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                Interlocked.Increment(ref inserts);
            }
        })));
        return inserts / clock.Elapsed.TotalSeconds;
    }

    private sealed class Row : Dictionary<string, object>;

    private static async Task<Row> ReadRowAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"No row for: {sql}");
        var row = new Row();
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.GetValue(i);
        return row;
    }

    private static DbCommand Insert(DbConnection connection, string table, Row row)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", row.Keys.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", row.Keys.Select(c => "@" + c))})""";
        foreach (var (column, value) in row)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }
}
