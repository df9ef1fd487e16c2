using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

// Microsoft.Data.Sqlite waits for a lock synchronously, so every BeginAsync that may wait runs
// on the thread pool: awaited inline it would block the test thread that holds the lock.
public abstract class ConcurrencyTests(DatabaseKind kind)
{
    public sealed class Sqlite() : ConcurrencyTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : ConcurrencyTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Parallel_commands_on_one_instance_never_lose_an_update()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        var instance = Instance(id);
        instance.State = "0";
        await SaveAsync(db.Store, tx => tx.AddInstance(instance));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => IncrementAsync(db.Store, id))));

        var stored = await db.Store.FindInstanceAsync(id);
        Assert.Equal("10", stored?.State);
        Assert.Equal(11, stored?.Revision);
    }

    [SkippableFact]
    public async Task Queries_read_committed_data_while_a_command_writes()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var committed = Guid.NewGuid();
        var pending = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(committed)));

        await using var writer = await db.Store.BeginAsync();
        var instance = await writer.LoadInstanceAsync(committed);
        instance!.State = "changing";
        writer.AddInstance(Instance(pending));

        // SQLite in WAL mode and PostgreSQL alike: readers neither wait for the writer nor see its uncommitted work.
        var read = Task.Run(async () => (await db.Store.FindInstanceAsync(committed), await db.Store.FindInstanceAsync(pending)));
        var (seen, unseen) = await read.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("{}", seen?.State);
        Assert.Null(unseen);
        await writer.CommitAsync();
    }

    [SkippableFact]
    public async Task Committing_a_stale_instance_fails_with_a_conflict()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(id)));

        // Read before its transaction begins, as a server database lets a racing command do.
        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        var staleContext = await contexts.CreateDbContextAsync();
        var stale = await staleContext.Instances.FindAsync(id);
        Assert.NotNull(stale);

        await using (var winner = await db.Store.BeginAsync())
        {
            (await winner.LoadInstanceAsync(id))!.State = "winner";
            await winner.CommitAsync();
        }

        await using var loser = new EfWorkflowTransaction(staleContext, await staleContext.Database.BeginTransactionAsync());
        stale.State = "loser";
        loser.Append(new JournalRecord { InstanceId = id, At = T0, Kind = "ElementLeft" });
        // New rows are inserted before the update that fails (AppendOnlyInserts): they go with it.
        var child = Instance(Guid.NewGuid());
        loser.AddInstance(child);
        loser.Append(new JournalRecord { InstanceId = child.Id, At = T0, Kind = "ElementEntered" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => loser.CommitAsync());
        await loser.DisposeAsync();

        var stored = await db.Store.FindInstanceAsync(id);
        Assert.Equal("winner", stored?.State);
        Assert.Equal(2, stored?.Revision);
        Assert.Empty(await db.Store.ListJournalAsync(id));
        Assert.Null(await db.Store.FindInstanceAsync(child.Id));
        Assert.Empty(await db.Store.ListJournalAsync(child.Id));
    }

    private static async Task IncrementAsync(IWorkflowStore store, Guid id)
    {
        while (true)
        {
            try
            {
                await using var tx = await store.BeginAsync();
                var instance = await tx.LoadInstanceAsync(id) ?? throw new InvalidOperationException("gone");
                instance.State = (int.Parse(instance.State) + 1).ToString();
                await tx.CommitAsync();
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Reload and retry, as the runtime does.
            }
        }
    }
}
