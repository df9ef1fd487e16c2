using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Inserts a command's new rows — instances, tasks, jobs, journal pages — with one INSERT per row, built from the EF
/// model (table, columns, each property's type mapping and value converter), instead of through SaveChanges.
/// </summary>
/// <remarks>
/// SaveChanges sorts, batches and generates SQL for every row on every call; for a ten-step start that was most of its
/// save, and on SQLite inside the one writer's lock (P1, docs/benchmarks.md). The values written are the ones EF would
/// write: the same type mappings make the parameters, so a row inserted here reads back through EF unchanged. Updates
/// and deletes stay with SaveChanges (its concurrency checks), as do rows whose values the database generates and EF
/// would read back, and on a database that batches, the inserts of a command that also updates: there they cost no
/// round trip of their own inside SaveChanges' batch.
/// </remarks>
internal static class AppendOnlyInserts
{
    private static readonly ConcurrentDictionary<IEntityType, Insert?> Inserts = new();

    /// <summary>
    /// Inserts the rows the context tracks as added, which it then tracks as stored, and <paramref name="untracked"/>
    /// rows of type <typeparamref name="T"/>, in the context's open transaction.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext db, IEnumerable<T> untracked, CancellationToken ct) where T : class
    {
        if (db.Database.GetDbConnection().CanCreateBatch
            && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            // SaveChanges sends the updates in one round trip anyway; the inserts go along in it instead of in one of
            // their own (a job's outcome: its job, its instance and a journal page, PostgreSQL).
            db.AddRange(untracked);
            return;
        }
        var rows = new List<Row>();
        var accepted = new List<EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (Inserts.GetOrAdd(entry.Metadata, e => Insert.For(e, db, readsBackGenerated: true)) is not { } insert) continue;
            rows.Add(new Row(insert, p => entry.CurrentValues[p]));
            accepted.Add(entry);
        }
        var untrackedType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var untrackedInsert = Inserts.GetOrAdd(untrackedType, e => Insert.For(e, db, readsBackGenerated: false))!;
        rows.AddRange(untracked.Select(row => new Row(untrackedInsert, p => p.GetGetter().GetClrValueUsingContainingEntity(row))));
        if (rows.Count == 0) return;

        await ExecuteAsync(db, rows, ct);
        foreach (var entry in accepted)
        {
            entry.State = EntityState.Unchanged;
            entry.OriginalValues.SetValues(entry.CurrentValues);
        }
    }

    private static async Task ExecuteAsync(DbContext db, List<Row> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Parameters come from the EF type mappings, which make them with a command; this one is never run.
        await using var parameters = connection.CreateCommand();
        if (connection.CanCreateBatch && rows.Count > 1)
        {
            // One round trip for all rows where the provider batches (PostgreSQL), as SaveChanges did.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = row.Insert.Sql;
                row.Insert.AddParameters(parameters, command.Parameters, row.Value);
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            return;
        }
        foreach (var row in rows)
        {
            // A command per row: one command given new parameters for each row inserted its first row again on
            // PostgreSQL (a duplicate key), as Npgsql keeps what it parsed with the command's text.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = row.Insert.Sql;
            row.Insert.AddParameters(parameters, command.Parameters, row.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed record Row(Insert Insert, Func<IProperty, object?> Value);

    private sealed class Insert(string sql, IProperty[] columns, string[] parameterNames)
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
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})";
            return new Insert(text, columns, columns.Select((_, i) => sql.GenerateParameterName($"p{i}")).ToArray());
        }

        public string Sql => sql;

        public void AddParameters(DbCommand factory, DbParameterCollection target, Func<IProperty, object?> value)
        {
            for (var i = 0; i < columns.Length; i++)
                target.Add(columns[i].GetRelationalTypeMapping().CreateParameter(factory, parameterNames[i], value(columns[i]), columns[i].IsNullable));
        }
    }
}
