using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>
/// Commands that only add rows and read nothing are committed in batches (<see cref="Engine.Persistence.GroupCommit"/>):
/// each still succeeds or fails on its own, and each is stored when its commit returns.
/// </summary>
public abstract class GroupCommitTests(DatabaseKind kind)
{
    public sealed class Sqlite() : GroupCommitTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : GroupCommitTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Commands_committing_at_once_are_each_stored_with_their_journal_when_their_commit_returns()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await AddAsync(db.Store, id);
            // Stored when the commit returns, not when the batch it went in is done with the others.
            Assert.NotNull(await db.Store.FindInstanceAsync(id));
        })));

        foreach (var id in ids)
        {
            Assert.Equal(1, (await db.Store.FindInstanceAsync(id))?.Revision);
            Assert.Equal(["ElementEntered"], (await db.Store.ListJournalAsync(id)).Select(j => j.Kind));
        }
    }

    [SkippableFact]
    public async Task A_command_whose_insert_fails_fails_alone_and_the_others_in_its_batch_are_stored()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var taken = Guid.NewGuid();
        await AddAsync(db.Store, taken);
        var others = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var duplicate = Task.Run(() => AddAsync(db.Store, taken, "second copy"));
        var rest = others.Select(id => Task.Run(() => AddAsync(db.Store, id))).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        await Task.WhenAll(rest);
        foreach (var id in others) Assert.NotNull(await db.Store.FindInstanceAsync(id));
        Assert.Equal("test", (await db.Store.FindInstanceAsync(taken))?.StartedBy);
        Assert.Single(await db.Store.ListJournalAsync(taken));
    }

    [SkippableFact]
    public async Task A_command_whose_later_insert_fails_stores_none_of_its_rows()
    {
        // The instance's INSERT runs before the tasks' in the same round trip; on PostgreSQL without an explicit
        // transaction, so this checks that the round trip is all or nothing.
        await using var db = await TempStore.CreateAsync(kind);
        var owner = Guid.NewGuid();
        var task = UserTask(owner, 0);
        await SaveAsync(db.Store, tx => { tx.AddInstance(Instance(owner)); tx.AddTask(task); });

        var id = Guid.NewGuid();
        var copy = UserTask(id, 1);
        copy.Id = task.Id;
        await using (var tx = await db.Store.BeginAsync())
        {
            tx.AddInstance(Instance(id));
            tx.Append(new JournalRecord { InstanceId = id, At = T0, Kind = "ElementEntered" });
            tx.AddTask(copy);
            await Assert.ThrowsAnyAsync<Exception>(() => tx.CommitAsync());
        }

        Assert.Null(await db.Store.FindInstanceAsync(id));
        Assert.Empty(await db.Store.ListJournalAsync(id));
        // The writer's connection is fit for the next batch.
        var next = Guid.NewGuid();
        await AddAsync(db.Store, next);
        Assert.NotNull(await db.Store.FindInstanceAsync(next));
    }

    [SkippableFact]
    public async Task A_command_with_more_values_than_one_statement_takes_stores_every_row()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        await using (var tx = await db.Store.BeginAsync())
        {
            tx.AddInstance(Instance(id));
            // Some 300 tasks of a dozen columns each: past the 2,000 parameters a command is given (SQL Server's limit).
            for (var minute = 0; minute < 300; minute++) tx.AddTask(UserTask(id, minute, roles: "Manager"));
            await tx.CommitAsync();
        }

        var tasks = await db.Store.ListTasksAsync(new TaskQuery(InstanceId: id, OpenOnly: false, Max: 1000));
        Assert.Equal(300, tasks.Count);
        Assert.Equal(Enumerable.Range(0, 300).Select(m => $"task{m}"), tasks.Select(t => t.ElementId));
        Assert.All(tasks, t => Assert.Equal("Manager", t.CandidateRoles));
    }

    internal static async Task AddAsync(IWorkflowStore store, Guid id, string startedBy = "test")
    {
        await using var tx = await store.BeginAsync();
        var instance = Instance(id);
        instance.StartedBy = startedBy;
        tx.AddInstance(instance);
        tx.Append(new JournalRecord { InstanceId = id, At = T0, Kind = "ElementEntered" });
        await tx.CommitAsync();
    }
}

/// <summary>
/// Commands queued behind SQLite's one writer: a command that has read holds the lock, so the commits made meanwhile
/// wait in the group commit's queue, the first alone in its batch (waiting for the lock), the rest together in the next.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task Commands_queued_behind_a_writer_go_in_one_batch_and_a_failing_one_fails_alone()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite);
        var taken = Guid.NewGuid();
        await GroupCommitTests.AddAsync(db.Store, taken);

        // A command that has read holds SQLite's one writer lock: the commits below queue behind it, the first alone in
        // its batch (waiting for the lock), the rest together in the next.
        await using var writer = await db.Store.BeginAsync();
        await writer.LoadInstanceAsync(taken);
        var first = Task.Run(() => GroupCommitTests.AddAsync(db.Store, Guid.NewGuid()));
        await Task.Delay(200);
        var duplicate = Task.Run(() => GroupCommitTests.AddAsync(db.Store, taken, "second copy"));
        var others = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var rest = others.Select(id => Task.Run(() => GroupCommitTests.AddAsync(db.Store, id))).ToList();
        await Task.Delay(200);
        Assert.False(first.IsCompleted);
        Assert.False(duplicate.IsCompleted);

        await writer.CommitAsync();

        await first.WaitAsync(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<Exception>(() => duplicate.WaitAsync(TimeSpan.FromSeconds(20)));
        await Task.WhenAll(rest).WaitAsync(TimeSpan.FromSeconds(20));
        foreach (var id in others) Assert.NotNull(await db.Store.FindInstanceAsync(id));
        Assert.Equal("test", (await db.Store.FindInstanceAsync(taken))?.StartedBy);
    }

    [Fact]
    public async Task Commands_that_commit_while_the_writer_is_busy_are_written_in_one_transaction()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite);
        using var batches = new EngineMeasurements<int>("rjh.engine.group_commit.batch_size");
        await using var writer = await db.Store.BeginAsync();
        await writer.LoadInstanceAsync(Guid.NewGuid());
        var first = Task.Run(() => GroupCommitTests.AddAsync(db.Store, Guid.NewGuid()));
        await Task.Delay(200);
        var others = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var rest = others.Select(id => Task.Run(() => GroupCommitTests.AddAsync(db.Store, id))).ToList();
        await Task.Delay(200);

        await writer.CommitAsync();
        await Task.WhenAll(rest.Append(first)).WaitAsync(TimeSpan.FromSeconds(20));

        // The first waited for the lock alone; the five that came meanwhile went together in the next transaction.
        Assert.Contains(5, batches.Values);
        foreach (var id in others) Assert.NotNull(await db.Store.FindInstanceAsync(id));
    }
}
