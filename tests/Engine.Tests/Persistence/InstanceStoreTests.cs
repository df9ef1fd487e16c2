using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public abstract class InstanceStoreTests(DatabaseKind kind)
{
    public sealed class Sqlite() : InstanceStoreTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : InstanceStoreTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Every_committed_change_increments_the_revision()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(id)));
        Assert.Equal(1, (await db.Store.FindInstanceAsync(id))?.Revision);

        await using (var tx = await db.Store.BeginAsync())
        {
            var instance = await tx.LoadInstanceAsync(id);
            Assert.NotNull(instance);
            instance.Status = InstanceStatus.Completed;
            instance.EndedAt = T0.AddHours(1);
            await tx.CommitAsync();
            Assert.Equal(2, instance.Revision);
        }

        await using (var tx = await db.Store.BeginAsync())
        {
            await tx.LoadInstanceAsync(id);
            await tx.CommitAsync();
        }

        var stored = await db.Store.FindInstanceAsync(id);
        Assert.Equal(2, stored?.Revision);
        Assert.Equal(InstanceStatus.Completed, stored?.Status);
        Assert.Equal(T0.AddHours(1), stored?.EndedAt);
    }

    [SkippableFact]
    public async Task Disposing_without_commit_stores_nothing()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();

        await using (var tx = await db.Store.BeginAsync())
        {
            tx.AddInstance(Instance(id));
            tx.Append(new JournalRecord { InstanceId = id, At = T0, Kind = "ElementEntered" });
            tx.AddTask(UserTask(id, 1));
            // A statement that ran already inside the transaction must be undone too.
            Assert.False(await tx.DeleteTimerAsync(Guid.NewGuid()));
        }

        Assert.Null(await db.Store.FindInstanceAsync(id));
        Assert.Empty(await db.Store.ListJournalAsync(id));
        Assert.Empty(await db.Store.ListTasksAsync(new TaskQuery(InstanceId: id, OpenOnly: false)));
    }

    [SkippableFact]
    public async Task Journal_keeps_append_order_and_instances_filter_by_key_and_status()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var running = Instance(key: "order");
        var done = Instance(key: "order");
        done.Status = InstanceStatus.Completed;
        done.StartedBy = "erik.anstalld";
        done.StartedAt = T0.AddMinutes(5);
        done.BusinessKey = "message-1";
        await SaveAsync(db.Store, tx =>
        {
            tx.AddInstance(running);
            tx.AddInstance(done);
            tx.AddInstance(Instance(key: "other"));
            foreach (var kind in new[] { "ElementEntered", "ElementLeft", "TaskCompleted" })
                tx.Append(new JournalRecord { InstanceId = running.Id, At = T0, Kind = kind });
        });

        Assert.Equal(["ElementEntered", "ElementLeft", "TaskCompleted"],
            (await db.Store.ListJournalAsync(running.Id)).Select(j => j.Kind));
        Assert.Equal([done.Id, running.Id],
            (await db.Store.ListInstancesAsync(new InstanceQuery("order"))).Select(i => i.Id));
        Assert.Equal([done.Id],
            (await db.Store.ListInstancesAsync(new InstanceQuery(Status: InstanceStatus.Completed))).Select(i => i.Id));
        Assert.Single(await db.Store.ListInstancesAsync(new InstanceQuery(Max: 1)));
        Assert.Equal([done.Id],
            (await db.Store.ListInstancesAsync(new InstanceQuery(StartedBy: "erik.anstalld"))).Select(i => i.Id));
        Assert.Equal([done.Id],
            (await db.Store.ListInstancesAsync(new InstanceQuery("order", BusinessKey: "message-1"))).Select(i => i.Id));
    }

    [SkippableFact]
    public async Task Incidents_filter_by_instance_and_open()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var id = Guid.NewGuid();
        var open = new IncidentRecord { Id = Guid.NewGuid(), InstanceId = id, Error = "boom", CreatedAt = T0 };
        var resolved = new IncidentRecord
        {
            Id = Guid.NewGuid(), InstanceId = id, Error = "old", CreatedAt = T0.AddMinutes(-1), ResolvedAt = T0,
        };
        await SaveAsync(db.Store, tx =>
        {
            tx.AddIncident(open);
            tx.AddIncident(resolved);
        });

        Assert.Equal([resolved.Id, open.Id], (await db.Store.ListIncidentsAsync(id, openOnly: false)).Select(i => i.Id));
        Assert.Equal([open.Id], (await db.Store.ListIncidentsAsync(null, openOnly: true)).Select(i => i.Id));

        await using var tx = await db.Store.BeginAsync();
        var loaded = Assert.Single(await tx.LoadOpenIncidentsAsync(id));
        loaded.ResolvedAt = T0.AddHours(1);
        await tx.CommitAsync();
        Assert.Empty(await db.Store.ListIncidentsAsync(id, openOnly: true));
    }
    [SkippableFact]
    public async Task A_command_loads_what_it_added_or_loaded_before_as_the_same_record()
    {
        await using var db = await TempStore.CreateAsync(kind);
        var stored = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(stored)));

        await using var tx = await db.Store.BeginAsync();
        // Not saved yet: only this command knows it, and a step later in the same command must find it.
        var added = Instance();
        tx.AddInstance(added);
        var job = new JobRecord
        {
            Id = Guid.NewGuid(), InstanceId = added.Id, TokenId = "t1", ElementId = "call", ActivityType = "Test.Call",
            Inputs = "{}", IdempotencyKey = "k", CreatedAt = T0,
        };
        tx.AddJob(job);
        Assert.Same(added, await tx.LoadInstanceAsync(added.Id));
        Assert.Same(job, await tx.LoadJobAsync(job.Id));

        // Loaded twice, changed in between: the second load is the changed record, not a fresh copy of the row.
        var first = await tx.LoadInstanceAsync(stored);
        first!.State = "{\"changed\":true}";
        Assert.Same(first, await tx.LoadInstanceAsync(stored));
        Assert.Null(await tx.LoadInstanceAsync(Guid.NewGuid()));
        Assert.Null(await tx.LoadJobAsync(Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task A_job_is_loaded_with_its_instance_in_one_round_trip()
    {
        await using var db = await TempStore.CreateAsync(kind);
        using var counter = await DatabaseCommandCounter.ListeningAsync(db.Database.Options);
        var instance = Instance();
        var job = new JobRecord
        {
            Id = Guid.NewGuid(), InstanceId = instance.Id, TokenId = "t1", ElementId = "call", ActivityType = "Test.Call",
            Inputs = "{}", IdempotencyKey = "k", CreatedAt = T0,
        };
        await SaveAsync(db.Store, tx => { tx.AddInstance(instance); tx.AddJob(job); });

        await using var tx = await db.Store.BeginAsync();
        counter.Clear();
        var loaded = await tx.LoadJobWithInstanceAsync(job.Id);
        var itsInstance = await tx.LoadInstanceAsync(instance.Id);

        Assert.Equal(job.IdempotencyKey, loaded?.IdempotencyKey);
        Assert.Equal(instance.State, itsInstance?.State);
        Assert.Single(counter.Commands);
        // Both are tracked like any loaded record: the same objects again, and changes to them are saved.
        Assert.Same(loaded, await tx.LoadJobAsync(job.Id));
        Assert.Same(itsInstance, await tx.LoadInstanceAsync(instance.Id));
        Assert.Null(await tx.LoadJobWithInstanceAsync(Guid.NewGuid()));
        loaded!.Status = JobStatus.Completed;
        itsInstance!.State = "{\"changed\":true}";
        await tx.CommitAsync();

        await using var check = await db.Store.BeginAsync();
        Assert.Equal(JobStatus.Completed, (await check.LoadJobAsync(job.Id))?.Status);
        Assert.Equal("{\"changed\":true}", (await check.LoadInstanceAsync(instance.Id))?.State);
    }
}
