using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public abstract class SchemaTests(DatabaseKind kind)
{
    public sealed class Sqlite() : SchemaTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : SchemaTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Migrate_creates_the_tables_and_running_it_again_changes_nothing()
    {
        await using var db = await TempStore.CreateAsync(kind);
        if (kind == DatabaseKind.Sqlite)
        {
            Assert.True(File.Exists(Path.Combine(db.Database.Folder!, "data", "engine.db")));
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode;"));
        }
        var tables = await ScalarAsync(db, kind == DatabaseKind.Sqlite
            ? "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name);"
            : "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public';");
        Assert.Contains("Definitions,Incidents,Instances,Jobs,JournalPages,MessageSubscriptions,Timers,UserTasks", tables);

        await db.Services.MigrateWorkflowStoreAsync();
    }

    [SkippableFact]
    public async Task Times_keep_their_instant_to_the_tick_and_statuses_are_stored_as_names()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var startedAt = new DateTimeOffset(2026, 3, 1, 13, 30, 15, TimeSpan.FromHours(5.5)).AddTicks(1_234_567);
        var instance = Instance();
        instance.StartedAt = startedAt;
        instance.EndedAt = DateTimeOffset.UtcNow;
        instance.Status = InstanceStatus.Faulted;
        await SaveAsync(db.Store, tx => tx.AddInstance(instance));

        var stored = await db.Store.FindInstanceAsync(instance.Id);
        Assert.NotNull(stored);
        Assert.Equal(startedAt, stored.StartedAt);
        Assert.Equal(startedAt.UtcTicks, stored.StartedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.StartedAt.Offset);
        Assert.Equal(instance.EndedAt, stored.EndedAt);

        Assert.Equal("Faulted", await ScalarAsync(db, """SELECT "Status" FROM "Instances";"""));
        Assert.Equal(startedAt.UtcTicks.ToString(), await ScalarAsync(db, """SELECT "StartedAt" FROM "Instances";"""));
    }

    private static async Task<string?> ScalarAsync(TempStore db, string sql)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        DbConnection connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
