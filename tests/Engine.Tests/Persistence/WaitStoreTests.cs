using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public abstract class WaitStoreTests(DatabaseKind kind)
{
    public sealed class Sqlite() : WaitStoreTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : WaitStoreTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task ReplaceWaits_keeps_updates_removes_and_adds_by_id()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        var kept = Message(id, "Approved", "A-1");
        var dropped = Message(id, "Rejected", "A-1");
        var timer = Timer(id, T0.AddHours(1));
        var startMessage = Message(null, "Approved", null, definitionKey: "order");
        var startTimer = Timer(null, T0, definitionKey: "order");
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceStartWaitsAsync("order", [startMessage], [startTimer]);
            await tx.ReplaceWaitsAsync(id, [kept, dropped], [timer]);
            await tx.CommitAsync();
        }

        // Fresh objects, as the runtime builds them from the instance state.
        var keptChanged = Message(id, "Approved", "A-2");
        keptChanged.Id = kept.Id;
        var added = Message(id, "Cancelled", null);
        var addedTimer = Timer(id, T0.AddHours(2));
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [keptChanged, added], [addedTimer]);
            await tx.CommitAsync();
        }

        Assert.Empty(await db.Store.FindMessageSubscriptionsAsync("Rejected", "A-1"));
        Assert.Equal(new[] { startMessage.Id, kept.Id }.Order(),
            (await db.Store.FindMessageSubscriptionsAsync("Approved", "A-2")).Select(s => s.Id).Order());
        Assert.Single(await db.Store.FindMessageSubscriptionsAsync("Cancelled", "any"));
        Assert.Equal([startTimer.Id, addedTimer.Id],
            (await db.Store.ListDueTimersAsync(T0.AddDays(1), 10)).Select(t => t.Id));

        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [], []);
            await tx.ReplaceStartWaitsAsync("order", [], []);
            await tx.CommitAsync();
        }
        Assert.Empty(await db.Store.ListDueTimersAsync(T0.AddDays(1), 10));
        Assert.Empty(await db.Store.FindMessageSubscriptionsAsync("Approved", "A-2"));
    }

    [SkippableFact]
    public async Task ReplaceWaits_twice_in_one_command_ends_with_the_last_set()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        var stored = Timer(id, T0);
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [], [stored]);
            await tx.CommitAsync();
        }

        var added = Timer(id, T0.AddMinutes(1));
        var storedAgain = Timer(id, T0.AddMinutes(2));
        storedAgain.Id = stored.Id;
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [], [added]);       // deletes the stored one, adds one
            await tx.ReplaceWaitsAsync(id, [], [storedAgain]); // brings it back changed, drops the added
            await tx.CommitAsync();
        }

        var due = Assert.Single(await db.Store.ListDueTimersAsync(T0.AddDays(1), 10));
        Assert.Equal(stored.Id, due.Id);
        Assert.Equal(T0.AddMinutes(2), due.DueAt);

        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [], []);
            Assert.True(await tx.DeleteTimerAsync(stored.Id));
            await tx.CommitAsync();
        }
        Assert.Empty(await db.Store.ListDueTimersAsync(T0.AddDays(1), 10));
    }

    [SkippableFact]
    public async Task ReplaceWaits_refuses_waits_of_another_instance()
    {
        await using var db = await TempStore.CreateAsync(kind);
        await using var tx = await db.Store.BeginAsync();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            tx.ReplaceWaitsAsync(Guid.NewGuid(), [Message(Guid.NewGuid(), "m", null)], []));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            tx.ReplaceStartWaitsAsync("order", [], [Timer(null, T0, definitionKey: "other")]));
    }

    [SkippableFact]
    public async Task Messages_match_the_correlation_key_or_any_key_when_the_subscription_has_none()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        var forA = Message(id, "Delivered", "A");
        var forB = Message(id, "Delivered", "B");
        var start = Message(null, "Delivered", null, definitionKey: "order");
        var otherName = Message(id, "Returned", "A");
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceWaitsAsync(id, [forA, forB, otherName], []);
            await tx.ReplaceStartWaitsAsync("order", [start], []);
            await tx.CommitAsync();
        }

        Assert.Equal(new[] { forA.Id, start.Id }.Order(),
            (await db.Store.FindMessageSubscriptionsAsync("Delivered", "A")).Select(s => s.Id).Order());
        Assert.Equal([start.Id], (await db.Store.FindMessageSubscriptionsAsync("Delivered", null)).Select(s => s.Id));
        Assert.Equal([start.Id], (await db.Store.FindMessageSubscriptionsAsync("Delivered", "a")).Select(s => s.Id));
        Assert.Empty(await db.Store.FindMessageSubscriptionsAsync("delivered", "A"));
    }

    [SkippableFact]
    public async Task Due_timers_respect_now_and_come_earliest_first_across_offsets()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var plus2 = TimeSpan.FromHours(2);
        // 09:59 UTC written as 11:59+02:00 is earlier than 10:00 UTC even though 11:59 > 10:00.
        var early = Timer(null, new DateTimeOffset(2026, 3, 1, 11, 59, 0, plus2), definitionKey: "a");
        var onTime = Timer(null, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), definitionKey: "b");
        var late = Timer(null, new DateTimeOffset(2026, 3, 1, 12, 1, 0, plus2), definitionKey: "c");
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceStartWaitsAsync("c", [], [late]);
            await tx.ReplaceStartWaitsAsync("b", [], [onTime]);
            await tx.ReplaceStartWaitsAsync("a", [], [early]);
            await tx.CommitAsync();
        }

        var now = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal([early.Id, onTime.Id], (await db.Store.ListDueTimersAsync(now, 10)).Select(t => t.Id));
        Assert.Equal([early.Id], (await db.Store.ListDueTimersAsync(now, 1)).Select(t => t.Id));
        Assert.Empty(await db.Store.ListDueTimersAsync(now.AddMinutes(-2), 10));
    }

    [SkippableFact]
    public async Task DeleteTimer_reports_whether_this_command_removed_the_row()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var timer = Timer(null, T0, definitionKey: "order");
        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.ReplaceStartWaitsAsync("order", [], [timer]);
            await tx.CommitAsync();
        }

        await using (var first = await db.Store.BeginAsync())
        {
            Assert.True(await first.DeleteTimerAsync(timer.Id));
            await first.CommitAsync();
        }
        await using (var second = await db.Store.BeginAsync())
        {
            Assert.False(await second.DeleteTimerAsync(timer.Id));
            await second.CommitAsync();
        }
        Assert.Empty(await db.Store.ListDueTimersAsync(T0, 10));
    }
}
