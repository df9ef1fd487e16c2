using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Diagnostics;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Inserts a command's new rows — instances, tasks, jobs, journal pages — with one INSERT per table, built from the EF
/// model (table, columns, each property's type mapping and value converter), instead of through SaveChanges.
/// </summary>
/// <remarks>
/// SaveChanges sorts, batches and generates SQL for every row on every call; for a ten-step start that was most of its
/// save, and on SQLite inside the one writer's lock (P1, docs/benchmarks.md). The values written are the ones EF would
/// write: the same type mappings make the parameters, so a row inserted here reads back through EF unchanged. Updates
/// and deletes stay with SaveChanges (its concurrency checks), as do rows whose values the database generates and EF
/// would read back, and on a server database the inserts of a command that also updates: there they cost no round
/// trip of their own inside SaveChanges' batch (EF does not batch on SQLite).
/// </remarks>
internal static class AppendOnlyInserts
{
    // Keyed with the mode too: a type that may not be inserted tracked (its key is generated) may be inserted untracked.
    private static readonly ConcurrentDictionary<(IEntityType Type, bool ReadsBackGenerated), Insert?> Inserts = new();

    /// <summary>
    /// Inserts the rows the context tracks as added, which it then tracks as stored, and <paramref name="untracked"/>
    /// rows of type <typeparamref name="T"/>, in the context's open transaction.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext db, IEnumerable<T> untracked, CancellationToken ct) where T : class
    {
        if (db.Database.Kind() != DatabaseKind.Sqlite
            && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            // SaveChanges sends the updates in one round trip anyway; the inserts go along in it instead of in one of
            // their own (a job's outcome: its job, its instance and a journal page, PostgreSQL).
            db.AddRange(untracked);
            return;
        }
        var rows = Collect(db, [], untracked, out var accepted);
        await ExecuteAsync(db, rows, ct);
        MarkStored(accepted);
    }

    /// <summary>
    /// The rows of a context whose changes are all inserts this class can make — every tracked row added, none with a
    /// key the database generates — with <paramref name="added"/> (rows of the same kind it does not track) and
    /// <paramref name="untracked"/>; null when some change is not such an insert.
    /// </summary>
    /// <remarks>
    /// The context's entries stay as they are (added): the rows go to the database through another context's connection,
    /// and the command ends with that commit, so nothing reads them from this context again.
    /// </remarks>
    public static IReadOnlyList<Row>? TryCollectOnlyInserts<T>(DbContext db, IReadOnlyList<object> added, IEnumerable<T> untracked) where T : class
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged) continue;
            if (entry.State != EntityState.Added || InsertFor(db, entry.Metadata, readsBackGenerated: true) is null) return null;
        }
        var addedInserts = new List<(Insert Insert, object Entity)>(added.Count);
        foreach (var entity in added)
        {
            if (db.Model.FindEntityType(entity.GetType()) is not { } type || InsertFor(db, type, readsBackGenerated: true) is not { } insert)
                return null;
            addedInserts.Add((insert, entity));
        }
        return Collect(db, addedInserts, untracked, out _);
    }

    /// <remarks>
    /// The parameters are made here, by the command that owns the rows, so a group commit's one writer only names them
    /// and sends them.
    /// </remarks>
    /// <param name="added">Rows the context does not track, each with its INSERT.</param>
    private static List<Row> Collect<T>(DbContext db, IReadOnlyList<(Insert Insert, object Entity)> added, IEnumerable<T> untracked,
        out List<EntityEntry> accepted) where T : class
    {
        var rows = new List<Row>();
        accepted = [];
        // The EF type mappings make parameters with a command; this one is never run.
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (InsertFor(db, entry.Metadata, readsBackGenerated: true) is not { } insert) continue;
            rows.Add(Row.Of(insert, factory, p => entry.CurrentValues[p]));
            accepted.Add(entry);
        }
        foreach (var (insert, entity) in added) rows.Add(Row.Of(insert, factory, entity));
        var untrackedType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var untrackedInsert = InsertFor(db, untrackedType, readsBackGenerated: false)!;
        rows.AddRange(untracked.Select(row => Row.Of(untrackedInsert, factory, row)));
        return rows;
    }

    private static Insert? InsertFor(DbContext db, IEntityType type, bool readsBackGenerated) =>
        Inserts.GetOrAdd((type, readsBackGenerated), k => Insert.For(k.Type, db, k.ReadsBackGenerated));

    private static void MarkStored(IEnumerable<EntityEntry> accepted)
    {
        foreach (var entry in accepted)
        {
            entry.State = EntityState.Unchanged;
            entry.OriginalValues.SetValues(entry.CurrentValues);
        }
    }

    // SQL Server takes at most 2,100 parameters in a command; PostgreSQL 65,535, SQLite 32,766.
    private const int MaxParametersPerCommand = 2_000;

    // Each provider's parameter names and placeholders, p0 to p1999, made once instead of three strings per value.
    private static readonly ConcurrentDictionary<ISqlGenerationHelper, (string Name, string Placeholder)[]> ParameterNames = new();

    /// <summary>
    /// Whether <see cref="ExecuteAsync"/> stores the rows all or none by itself: on PostgreSQL they go as one batch, and
    /// the statements of one round trip (one Sync) run in one implicit transaction. Elsewhere the caller's transaction
    /// makes them one (SQLite and SQL Server commit each statement on its own).
    /// </summary>
    public static bool IsAtomic(DbContext db) => db.Database.Kind() == DatabaseKind.PostgreSql;

    /// <summary>Inserts the rows, in the context's transaction if it has one.</summary>
    public static async Task ExecuteAsync(DbContext db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (IsAtomic(db))
        {
            await ExecuteBatchAsync(db, rows, ct);
            return;
        }
        foreach (var command in Commands(db, rows)) await command.ExecuteAsync(db, ct);
    }

    // A batch command's text per table and number of rows: "INSERT INTO ... VALUES ($1, $2), ($3, $4)".
    private static readonly ConcurrentDictionary<(Insert Insert, int Rows), string> PositionalTexts = new();

    /// <summary>
    /// The rows as one ADO.NET batch on the context's connection: an INSERT per table with a VALUES row each, its values
    /// positional parameters. One round trip; the statement texts repeat, so the driver prepares them once.
    /// </summary>
    /// <remarks>
    /// Not through EF's <c>ExecuteSqlRaw</c>: building that command and having the driver find the named parameters in
    /// the text again were a sixth of what the group commit's writer spent on a ten-step start (P1, PostgreSQL). EF's
    /// command log and traces do not see the batch, so it is traced here (<see cref="EngineInstruments.InsertBatch"/>).
    /// </remarks>
    private static async Task ExecuteBatchAsync(DbContext db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await using var batch = db.Database.GetDbConnection().CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var table in rows.GroupBy(r => r.Insert))
        {
            var insert = table.Key;
            var perCommand = Math.Max(1, MaxParametersPerCommand / insert.Columns.Length);
            foreach (var chunk in table.Chunk(perCommand))
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = PositionalTexts.GetOrAdd((insert, chunk.Length), key => PositionalInsert(key.Insert, key.Rows));
                foreach (var row in chunk)
                {
                    foreach (var value in row.Values)
                    {
                        // A parameter without a name is positional: the driver sends the text as it is.
                        value.ParameterName = "";
                        command.Parameters.Add(value);
                    }
                }
                batch.BatchCommands.Add(command);
            }
        }
        using var activity = EngineInstruments.InsertBatch(batch.BatchCommands.Count, rows.Count);
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            // A parameter belongs to one collection at a time; a failed group's rows are sent again, each command alone.
            foreach (DbBatchCommand command in batch.BatchCommands) command.Parameters.Clear();
        }
    }

    private static string PositionalInsert(Insert insert, int rows)
    {
        var text = new StringBuilder(insert.Head);
        var columns = insert.Columns.Length;
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 1; column <= columns; column++)
                text.Append(column == 1 ? "$" : ", $").Append(row * columns + column);
            text.Append(')');
        }
        return text.ToString();
    }

    /// <summary>
    /// The rows as commands of one INSERT per table with a VALUES row each (no foreign keys between the tables, so
    /// the order of tables is free): one round trip per command on a server database, one statement to prepare per
    /// table on SQLite. A new command only when the parameters would pass <see cref="MaxParametersPerCommand"/>.
    /// </summary>
    private static List<Command> Commands(DbContext db, IReadOnlyList<Row> rows)
    {
        var commands = new List<Command>();
        if (rows.Count == 0) return commands;
        var names = ParameterNames.GetOrAdd(db.GetService<ISqlGenerationHelper>(), sql =>
            Enumerable.Range(0, MaxParametersPerCommand).Select(i => (sql.GenerateParameterName($"p{i}"), sql.GenerateParameterNamePlaceholder($"p{i}"))).ToArray());
        var text = new StringBuilder();
        var parameters = new List<DbParameter>();
        Insert? open = null;
        foreach (var (insert, values) in rows.GroupBy(r => r.Insert).SelectMany(g => g))
        {
            if (parameters.Count > 0 && parameters.Count + values.Length > MaxParametersPerCommand)
            {
                commands.Add(new Command(text.Append(';').ToString(), parameters));
                text.Clear();
                parameters = [];
                open = null;
            }
            text.Append(ReferenceEquals(open, insert) ? ",\n(" : (open is null ? "" : ";\n") + insert.Head + "(");
            open = insert;
            for (var j = 0; j < values.Length; j++)
            {
                var (name, placeholder) = names[parameters.Count];
                values[j].ParameterName = name;
                text.Append(j == 0 ? "" : ", ").Append(placeholder);
                parameters.Add(values[j]);
            }
            text.Append(')');
        }
        commands.Add(new Command(text.Append(';').ToString(), parameters));
        return commands;
    }

    /// <summary>One command's INSERT statements.</summary>
    /// <remarks>
    /// On SQLite and SQL Server, sent through EF (<c>ExecuteSqlRaw</c>), not on the bare connection, so the inserts show in
    /// EF's command log and traces like every other statement and join the context's transaction, if it has one.
    /// </remarks>
    private sealed record Command(string Sql, IReadOnlyList<DbParameter> Parameters)
    {
        public Task ExecuteAsync(DbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(Sql, Parameters, ct);
    }

    /// <param name="Values">A parameter per column of <paramref name="Insert"/>, named when the statement is written.</param>
    public sealed record Row(Insert Insert, DbParameter[] Values)
    {
        public static Row Of(Insert insert, DbCommand factory, Func<IProperty, object?> value) =>
            new(insert, Array.ConvertAll(insert.Columns, column =>
                column.GetRelationalTypeMapping().CreateParameter(factory, "p", value(column), column.IsNullable)));

        /// <summary>The row of an entity no context tracks: its values read with the model's getters.</summary>
        public static Row Of(Insert insert, DbCommand factory, object entity) =>
            Of(insert, factory, p => p.GetGetter().GetClrValueUsingContainingEntity(entity));
    }

    /// <param name="Head">The statement up to its VALUES list: <c>INSERT INTO "T" ("A", "B") VALUES </c>.</param>
    public sealed record Insert(string Head, IProperty[] Columns)
    {
        /// <returns>Null when a value the database generates would have to be read back: SaveChanges inserts those rows.</returns>
        public static Insert? For(IEntityType entityType, DbContext db, bool readsBackGenerated)
        {
            if (entityType.GetTableName() is not { } tableName) return null;
            var generated = entityType.GetProperties().Where(p => p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)).ToList();
            if (readsBackGenerated && generated.Count > 0) return null;
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            var columns = entityType.GetProperties().Except(generated).ToArray();
            return new Insert($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ", columns);
        }
    }
}
