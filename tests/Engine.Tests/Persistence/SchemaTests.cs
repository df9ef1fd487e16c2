using Microsoft.Data.Sqlite;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public sealed class SchemaTests
{
    [Fact]
    public async Task Migrate_creates_the_folder_the_tables_and_switches_to_wal()
    {
        await using var db = await TempSqliteStore.CreateAsync();
        Assert.True(File.Exists(Path.Combine(db.Folder, "data", "engine.db")));

        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        var tables = await ScalarAsync(connection,
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name);");
        Assert.Contains("Definitions,Incidents,Instances,Jobs,Journal,MessageSubscriptions,Timers,UserTasks", tables);

        // Running it again on an up-to-date database changes nothing.
        await db.Services.MigrateWorkflowStoreAsync();
    }

    [Fact]
    public async Task Times_keep_their_instant_to_the_tick_and_statuses_are_stored_as_names()
    {
        await using var db = await TempSqliteStore.CreateAsync();
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

        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("Faulted", await ScalarAsync(connection, "SELECT Status FROM Instances;"));
        Assert.Equal(startedAt.UtcTicks.ToString(), await ScalarAsync(connection, "SELECT StartedAt FROM Instances;"));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
