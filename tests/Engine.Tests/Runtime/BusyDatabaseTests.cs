using Microsoft.Data.Sqlite;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>A command that finds SQLite busy for longer than its wait is retried like any other lost race.</summary>
public sealed class BusyDatabaseTests
{
    private static readonly string Model = Process("busy", """
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="end" />
        """ + Chain("f", "start", "end"), starterRoles: null);

    [Fact]
    public async Task A_command_whose_begin_waits_past_the_busy_timeout_begins_again_and_succeeds()
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, connectionOptions: "Default Timeout=1");
        await using var h = await EngineHarness.CreateAsync(database);
        await h.DeployAsync(Model);

        // Another writer holds the database for 1.5 s: past the first begin's one-second wait, not past a second one.
        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }
        // Microsoft.Data.Sqlite waits for the lock synchronously: off the test thread.
        var start = Task.Run(() => h.StartAsync("busy"));
        await Task.Delay(1500);
        await using (var release = other.CreateCommand())
        {
            release.CommandText = "COMMIT";
            await release.ExecuteNonQueryAsync();
        }

        var started = await start.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Completed", started.Status);
    }
}
