using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RJH.DeviceWorkflows.Data;

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
        var rows = new List<Row>();
        var accepted = new List<EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (Inserts.GetOrAdd((entry.Metadata, true), k => Insert.For(k.Type, db, k.ReadsBackGenerated)) is not { } insert) continue;
            rows.Add(new Row(insert, p => entry.CurrentValues[p]));
            accepted.Add(entry);
        }
        var untrackedType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var untrackedInsert = Inserts.GetOrAdd((untrackedType, false), k => Insert.For(k.Type, db, k.ReadsBackGenerated))!;
        rows.AddRange(untracked.Select(row => new Row(untrackedInsert, p => p.GetGetter().GetClrValueUsingContainingEntity(row))));
        if (rows.Count == 0) return;

        await ExecuteAsync(db, rows, ct);
        foreach (var entry in accepted)
        {
            entry.State = EntityState.Unchanged;
            entry.OriginalValues.SetValues(entry.CurrentValues);
        }
    }

    /// <summary>All rows in one command of as many INSERT statements: one round trip on a server database.</summary>
    /// <remarks>
    /// Sent through EF (<c>ExecuteSqlRaw</c>), not on the bare connection, so the inserts show in EF's command log and
    /// traces like every other statement and join the command's transaction.
    /// </remarks>
    private static async Task ExecuteAsync(DbContext db, List<Row> rows, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        // The EF type mappings make parameters with a command; this one is never run.
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var text = new StringBuilder();
        var parameters = new List<object>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (insert, value) = rows[i];
            text.Append(insert.Head).Append('(');
            for (var j = 0; j < insert.Columns.Length; j++)
            {
                var column = insert.Columns[j];
                var name = $"r{i}_{j}";
                text.Append(j == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                parameters.Add(column.GetRelationalTypeMapping().CreateParameter(factory, sql.GenerateParameterName(name), value(column), column.IsNullable));
            }
            text.Append(");\n");
        }
        await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
    }

    private sealed record Row(Insert Insert, Func<IProperty, object?> Value);

    /// <param name="Head">The statement up to its VALUES list: <c>INSERT INTO "T" ("A", "B") VALUES </c>.</param>
    private sealed record Insert(string Head, IProperty[] Columns)
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
