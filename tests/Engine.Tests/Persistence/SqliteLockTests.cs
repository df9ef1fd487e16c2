using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>
/// SQLite serialises commands: a command's transaction is BEGIN IMMEDIATE, begun at its first read, so a second
/// writer queues from its own first read. (PostgreSQL lets commands run side by side instead:
/// <see cref="PostgresRaceTests"/>; commands that only add rows commit in groups: <see cref="GroupCommitTests"/>.)
/// </summary>
// Microsoft.Data.Sqlite waits for a lock synchronously, so every read that may wait runs
// on the thread pool: awaited inline it would block the test thread that holds the lock.
public sealed class SqliteLockTests
{
    [Fact]
    public async Task A_second_writer_waits_at_its_first_read_until_the_first_commits()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite);
        var id = Guid.NewGuid();
        await using var first = await db.Store.BeginAsync();
        Assert.Null(await first.LoadInstanceAsync(Guid.NewGuid()));
        first.AddInstance(Instance(id));

        await using var second = await db.Store.BeginAsync();
        var secondRead = Task.Run(() => second.LoadInstanceAsync(id));
        await Task.Delay(300);
        Assert.False(secondRead.IsCompleted);

        await first.CommitAsync();
        Assert.NotNull(await secondRead.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    // SQLite's own busy handler, not Microsoft.Data.Sqlite's retry every 150 ms, does the waiting (SqliteBusyTimeout);
    // the gap it closes is a figure for the benchmarks (docs/benchmarks.md), not for a test.
    [Theory]
    [InlineData(null, 30_000)]
    [InlineData("Default Timeout=2", 2_000)]
    public async Task Every_connection_a_context_opens_lets_sqlite_wait_for_the_lock_as_long_as_the_default_timeout(
        string? connectionOptions, int expectedMilliseconds)
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite, connectionOptions);
        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();

        // Twice: the second connection comes back from the pool, where it may have been reset.
        for (var i = 0; i < 2; i++)
        {
            await using var context = await contexts.CreateDbContextAsync();
            await context.Database.OpenConnectionAsync();
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(expectedMilliseconds, Convert.ToInt32(await command.ExecuteScalarAsync()));
        }
    }

    [Fact]
    public async Task A_writer_that_waits_past_the_busy_timeout_gets_a_conflict()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite, connectionOptions: "Default Timeout=1");
        await using var first = await db.Store.BeginAsync();
        await first.LoadInstanceAsync(Guid.NewGuid());

        await using var second = await db.Store.BeginAsync();
        var read = Task.Run(() => second.LoadInstanceAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => read.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
