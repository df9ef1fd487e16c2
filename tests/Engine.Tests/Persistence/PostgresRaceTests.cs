using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>
/// On PostgreSQL commands overlap (SQLite queues them: <see cref="SqliteLockTests"/>). Whenever two
/// overlapping commands write the same rows, the one that commits second must lose with a
/// <see cref="ConcurrencyConflictException"/>, which the runtime answers by retrying on fresh data.
/// </summary>
public sealed class PostgresRaceTests
{
    [SkippableFact]
    public async Task Two_commands_that_loaded_one_instance_cannot_both_commit()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        var id = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(id)));

        await using var first = await db.Store.BeginAsync();
        await using var second = await db.Store.BeginAsync();
        (await first.LoadInstanceAsync(id))!.State = "first";
        (await second.LoadInstanceAsync(id))!.State = "second";
        second.Append(new JournalRecord { InstanceId = id, At = T0, Kind = "ElementLeft" });

        await first.CommitAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync());

        var stored = await db.Store.FindInstanceAsync(id);
        Assert.Equal("first", stored?.State);
        Assert.Equal(2, stored?.Revision);
        Assert.Empty(await db.Store.ListJournalAsync(id));
    }

    [SkippableFact]
    public async Task A_writer_blocked_by_an_uncommitted_update_loses_once_that_commits()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        var id = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(id)));

        // The first writer's UPDATE is sent but not committed: it holds the row lock.
        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var firstDb = await contexts.CreateDbContextAsync();
        await using var firstTx = await firstDb.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await firstDb.Instances.Where(i => i.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "first").SetProperty(i => i.Revision, 2));

        await using var second = await db.Store.BeginAsync();
        (await second.LoadInstanceAsync(id))!.State = "second";
        var commit = Task.Run(() => second.CommitAsync());
        await Task.Delay(300);
        Assert.False(commit.IsCompleted);

        await firstTx.CommitAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => commit.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("first", (await db.Store.FindInstanceAsync(id))?.State);
    }

    [SkippableFact]
    public async Task A_row_written_by_two_overlapping_commands_goes_to_the_first_committer()
    {
        // A task row has no Revision of its own: the snapshot isolation of the command is what stops the second write.
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        var task = UserTask(Guid.NewGuid(), 1, roles: "Manager");
        await SaveAsync(db.Store, tx => tx.AddTask(task));

        await using var first = await db.Store.BeginAsync();
        await using var second = await db.Store.BeginAsync();
        (await first.LoadTaskAsync(task.Id))!.Assignee = "anna";
        (await second.LoadTaskAsync(task.Id))!.Assignee = "olle";

        await first.CommitAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync());
        Assert.Equal("anna", (await db.Store.FindTaskAsync(task.Id))?.Assignee);
    }

    [SkippableFact]
    public async Task A_timer_deleted_by_another_command_since_this_one_began_is_a_conflict()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        var timer = Timer(null, T0, definitionKey: "order");
        await using (var setup = await db.Store.BeginAsync())
        {
            await setup.ReplaceStartWaitsAsync("order", [], [timer]);
            await setup.CommitAsync();
        }

        await using var first = await db.Store.BeginAsync();
        await using var second = await db.Store.BeginAsync();
        Assert.Null(await second.LoadInstanceAsync(Guid.NewGuid()));   // takes the second command's snapshot

        Assert.True(await first.DeleteTimerAsync(timer.Id));
        await first.CommitAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.DeleteTimerAsync(timer.Id));
    }

    [SkippableFact]
    public async Task Two_deploys_taking_the_same_next_version_cannot_both_commit()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        await using var first = await db.Store.BeginAsync();
        await using var second = await db.Store.BeginAsync();
        first.AddDefinition(Definition("order", await first.NextDefinitionVersionAsync("order")));
        second.AddDefinition(Definition("order", await second.NextDefinitionVersionAsync("order")));

        await first.CommitAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync());
        Assert.Single(await db.Store.ListDefinitionsAsync("order"));
    }
}
