using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RJH.DeviceWorkflows.Bench;

/// <summary>
/// Fills the database with copies of one instance the engine started, row for row: every table that holds
/// the template's rows (the instance, its journal, its task, any timer or subscription) gets one copy per
/// clone, with new ids, the clone's business key, person and employee id written into every text column
/// (the state JSON, the task's search text), and its times moved one minute earlier per clone so that
/// creation and due times spread over ten weeks. Starting 100,000 instances through the engine took 690 s
/// on PostgreSQL; copying takes seconds, and the rows are the engine's own.
/// </summary>
internal sealed class BulkSeed(DbConnection connection, bool postgres)
{
    private const int RowsPerStatement = 200;
    // Ticks of 1900-01-01 and of year 9000: a long between them is a stored time (UtcTicksConverter), not a count.
    private const long TimeFloor = 599_266_080_000_000_000;
    private const long TimeCeiling = 2_838_000_000_000_000_000;
    private static readonly string[] InstanceTables = ["JournalPages", "UserTasks", "Timers", "MessageSubscriptions", "Jobs"];

    public static DbConnection Open(string connectionString, bool postgres) =>
        postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    /// <summary>Copies <paramref name="template"/> (whose texts name clone 0) as clones 1 … count-1.</summary>
    public async Task CopyAsync(Guid template, int count, Func<int, IReadOnlyDictionary<string, string>> texts)
    {
        var tables = new List<(string Table, List<Dictionary<string, object?>> Rows)>
        {
            ("Instances", await ReadAsync("Instances", "Id", template)),
        };
        foreach (var table in InstanceTables)
            tables.Add((table, await ReadAsync(table, "InstanceId", template)));
        tables.RemoveAll(t => t.Rows.Count == 0);
        // Every id the template's rows hold, in columns or inside texts (the state names its tasks and tokens).
        var templateIds = tables.SelectMany(t => t.Rows).SelectMany(r => r.Values)
            .Select(v => v switch { Guid g => g, string s when Guid.TryParse(s, out var g) => g, _ => Guid.Empty })
            .Where(g => g != Guid.Empty).Distinct().ToList();
        var zero = texts(0);

        for (var start = 1; start < count; start += RowsPerStatement)
        {
            var clones = Enumerable.Range(start, Math.Min(RowsPerStatement, count - start))
                .Select(i => new Clone(i, templateIds.ToDictionary(g => g, _ => Guid.NewGuid()), zero, texts(i))).ToList();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (table, rows) in tables)
                await InsertAsync(table, clones.SelectMany(c => rows.Select(c.Copy)).ToList(), transaction);
            await transaction.CommitAsync();
        }
    }

    /// <summary>What a live database would have done on its own by now (autovacuum runs ANALYZE and VACUUM).</summary>
    public async Task AnalyzeAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? "VACUUM ANALYZE" : "ANALYZE";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<Dictionary<string, object?>>> ReadAsync(string table, string key, Guid id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table)} WHERE {Quote(key)} = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = postgres ? id : id.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var c = 0; c < reader.FieldCount; c++)
            {
                // An identity column numbers the copies itself.
                if (table == "JournalPages" && reader.GetName(c) == "Id") continue;
                row[reader.GetName(c)] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }
            rows.Add(row);
        }
        return rows;
    }

    private async Task InsertAsync(string table, List<Dictionary<string, object?>> rows, DbTransaction transaction)
    {
        if (rows.Count == 0) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = rows[0].Keys.ToList();
        var values = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new List<string>();
            for (var c = 0; c < columns.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                parameter.Value = rows[r][columns[c]] ?? DBNull.Value;
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }
            values.Add($"({string.Join(",", names)})");
        }
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(",", columns.Select(Quote))}) VALUES {string.Join(",", values)}";
        await command.ExecuteNonQueryAsync();
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record Clone(int Index, Dictionary<Guid, Guid> Ids, IReadOnlyDictionary<string, string> Zero,
        IReadOnlyDictionary<string, string> Mine)
    {
        public Dictionary<string, object?> Copy(Dictionary<string, object?> row) =>
            row.ToDictionary(c => c.Key, c => c.Value switch
            {
                Guid g => Ids[g],
                string s => (object)Replace(s),
                long t when t is > TimeFloor and < TimeCeiling => t - TimeSpan.FromMinutes(Index).Ticks,
                var other => other,
            });

        // SQLite keeps a Guid as upper-case text, JSON in lower case: each keeps its own case.
        private string Replace(string s)
        {
            foreach (var (key, value) in Zero)
                s = s.Replace(value, Mine[key], StringComparison.Ordinal);
            foreach (var (old, id) in Ids)
            {
                s = s.Replace(old.ToString(), id.ToString(), StringComparison.Ordinal);
                s = s.Replace(old.ToString().ToUpperInvariant(), id.ToString().ToUpperInvariant(), StringComparison.Ordinal);
            }
            return s;
        }
    }
}
