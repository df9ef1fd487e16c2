using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// One command's unit of work: one tracked context inside one database transaction, begun at the command's
/// first read of rows it may change or when an activity's context joins it; a command that reads nothing of the kind
/// and only adds rows (a start) commits them in a batch with others (<see cref="GroupCommit"/>). On SQLite the
/// transaction is BEGIN IMMEDIATE, so writers queue from their first read to their commit.
/// On server databases commands run side by side under REPEATABLE READ: every read of a command sees
/// one snapshot (read committed could show a task from before a racing commit and its instance from
/// after it), and a row that a racing command changed after that snapshot fails the write, as does
/// the Revision check in the instance UPDATE. Either way the loser gets a
/// <see cref="ConcurrencyConflictException"/> and the runtime retries it.
/// </summary>
internal sealed class EfWorkflowTransaction : IWorkflowTransaction
{
    private readonly WorkflowDbContext db;
    private readonly GroupCommit? groupCommit;
    private IDbContextTransaction? transaction;
    private Task? beginning;
    private readonly List<JournalRecord> journal = [];
    // Instances, jobs and incidents this command adds, kept out of the change tracker until something looks there: a
    // start that only adds rows commits them from here. Tracking its one instance row (attaching it, scanning it for
    // changes, reading its values back through the entry, resetting the pooled context) was a tenth of a ten-step start's
    // CPU (P1, docs/benchmarks.md). Whatever reads or looks up tracked rows hands them to the tracker first
    // (<see cref="TrackAdded"/>), so every other path sees them as it did. Tasks are tracked at once: their inbox
    // columns are shadow properties, which only an entry holds.
    private readonly List<object> added = [];
    private bool committed;
    private bool disposed;

    // Internal, not private, so a test can load an instance before the transaction begins: the
    // interleaving a server database allows and SQLite's BEGIN IMMEDIATE rules out.
    internal EfWorkflowTransaction(WorkflowDbContext db, IDbContextTransaction transaction)
    {
        this.db = db;
        this.transaction = transaction;
    }

    private EfWorkflowTransaction(WorkflowDbContext db, GroupCommit groupCommit)
    {
        this.db = db;
        this.groupCommit = groupCommit;
    }

    /// <summary>
    /// A command whose database transaction begins at its first read (or when an activity's context joins it): a
    /// command that only adds rows — a start — holds no transaction while it works and commits with others
    /// (<see cref="GroupCommit"/>).
    /// </summary>
    public static async Task<EfWorkflowTransaction> BeginAsync(IDbContextFactory<WorkflowDbContext> contexts,
        GroupCommit groupCommit, CancellationToken ct) =>
        new(await contexts.CreateDbContextAsync(ct), groupCommit);

    private Task BeginTransactionAsync(CancellationToken ct)
    {
        // Every read goes through here: what it may find in the tracker includes what this command added.
        TrackAdded();
        return transaction is not null ? Task.CompletedTask : beginning ??= BeginTransactionOnceAsync(ct);
    }

    private async Task BeginTransactionOnceAsync(CancellationToken ct)
    {
        try
        {
            transaction = db.Database.Kind() == DatabaseKind.Sqlite
                ? await db.Database.BeginTransactionAsync(ct)
                : await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            // EF wraps a save inside a transaction it did not begin in a savepoint, so a failed save leaves the
            // transaction usable. A command's save is its last statement before the commit and a failure ends the
            // command: the savepoint would be two round trips per command (on PostgreSQL) for nothing.
            db.Database.AutoSavepointsEnabled = false;
        }
        catch (Exception e) when (DatabaseErrors.IsLostRace(e))
        {
            throw LostRace(e);
        }
    }

    public IDisposable ShareWithActivities() => CommandConnection.Share(db, BeginTransactionAsync);

    // Instances and jobs are loaded by every command that continues one; these are Find's look-ups (what this context
    // tracks first, then the database) with the query compiled once instead of built on each call.
    public async Task<InstanceRecord?> LoadInstanceAsync(Guid id, CancellationToken ct = default)
    {
        TrackAdded();
        return db.Instances.Local.FindEntry(id)?.Entity ?? await ReadAsync(() => InstanceById.RunAsync(db, id, ct), ct);
    }

    private static readonly CompiledQuery<WorkflowDbContext, Guid, InstanceRecord?> InstanceById =
        new((c, id, _) => c.Instances.FirstOrDefault(i => i.Id == id));

    public Task<UserTaskRecord?> LoadTaskAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(() => db.UserTasks.FindAsync([id], ct).AsTask(), ct);

    public Task<DefinitionRecord?> LoadDefinitionAsync(string key, int version, CancellationToken ct = default) =>
        ReadAsync(() => db.Definitions.FindAsync([key, version], ct).AsTask(), ct);

    // Outside the transaction: a published version stays published and numbers only grow, so the answer cannot be
    // made wrong by a write this command's snapshot would not see. A start that reads nothing else commits in a group.
    public Task<int?> FindPublishedVersionAsync(string key, CancellationToken ct = default) => PublishedVersion.RunAsync(db, key, ct);

    // Every start asks this: as a LINQ query, finding its executor was a sixth of a ten-step start (P1, docs/benchmarks.md).
    private static readonly CompiledQuery<WorkflowDbContext, string, int?> PublishedVersion = new((c, key, _) =>
        c.Definitions.Where(d => d.Key == key && d.Published).OrderByDescending(d => d.Version).Select(d => (int?)d.Version).FirstOrDefault());

    public async Task<int> NextDefinitionVersionAsync(string key, CancellationToken ct = default)
    {
        var stored = await ReadAsync(() => db.Definitions.Where(d => d.Key == key).MaxAsync(d => (int?)d.Version, ct), ct) ?? 0;
        // A version added earlier in this same command is not in the database yet.
        var pending = db.Definitions.Local.Where(d => d.Key == key).Select(d => d.Version).DefaultIfEmpty(0).Max();
        return Math.Max(stored, pending) + 1;
    }

    public async Task<IReadOnlyList<UserTaskRecord>> LoadOpenTasksAsync(Guid instanceId, CancellationToken ct = default) =>
        await ReadAsync(() => db.UserTasks.Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.CreatedAt).ToListAsync(ct), ct);

    public async Task<IReadOnlyList<IncidentRecord>> LoadOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default) =>
        await ReadAsync(() => db.Incidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct), ct);

    public Task<IncidentRecord?> LoadIncidentAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(() => db.Incidents.FindAsync([id], ct).AsTask(), ct);

    public async Task<JobRecord?> LoadJobAsync(Guid id, CancellationToken ct = default)
    {
        TrackAdded();
        return db.Jobs.Local.FindEntry(id)?.Entity ?? await ReadAsync(() => JobById.RunAsync(db, id, ct), ct);
    }

    private static readonly CompiledQuery<WorkflowDbContext, Guid, JobRecord?> JobById =
        new((c, id, _) => c.Jobs.FirstOrDefault(j => j.Id == id));

    public async Task<JobRecord?> LoadJobWithInstanceAsync(Guid id, CancellationToken ct = default)
    {
        TrackAdded();
        if (db.Jobs.Local.FindEntry(id)?.Entity is { } tracked) return tracked;
        // Both entities are tracked as if loaded one by one; an instance the command tracks already is the one kept.
        return (await ReadAsync(() => JobWithInstanceById.RunAsync(db, id, ct), ct))?.Job;
    }

    // Every job's outcome is applied with this: one round trip instead of two (P2, P5; docs/benchmarks.md).
    private static readonly CompiledQuery<WorkflowDbContext, Guid, JobWithInstance?> JobWithInstanceById = new((c, id, _) =>
        (from job in c.Jobs
         where job.Id == id
         from instance in c.Instances.Where(i => i.Id == job.InstanceId).DefaultIfEmpty()
         select new JobWithInstance { Job = job, Instance = instance }).FirstOrDefault());

    private sealed class JobWithInstance
    {
        public required JobRecord Job { get; init; }
        public InstanceRecord? Instance { get; init; }
    }

    /// <summary>A read of rows the command may change: inside the transaction, which it begins if need be.</summary>
    private async Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        await BeginTransactionAsync(ct);
        return await read();
    }

    public void AddDefinition(DefinitionRecord definition) => db.Definitions.Add(definition);
    public void AddInstance(InstanceRecord instance) => added.Add(instance);
    public void AddTask(UserTaskRecord task) => db.UserTasks.Add(task);
    public void AddIncident(IncidentRecord incident) => added.Add(incident);
    public void AddJob(JobRecord job) => added.Add(job);
    public void Append(JournalRecord entry) => journal.Add(entry);

    /// <summary>Hands the rows added outside the tracker to it (see <see cref="added"/>).</summary>
    private void TrackAdded()
    {
        if (added.Count == 0) return;
        db.AddRange(added);
        added.Clear();
    }

    public async Task ReplaceWaitsAsync(Guid instanceId, IReadOnlyCollection<MessageSubscriptionRecord> messages,
        IReadOnlyCollection<TimerRecord> timers, CancellationToken ct = default)
    {
        if (messages.Any(m => m.InstanceId != instanceId) || timers.Any(t => t.InstanceId != instanceId))
            throw new ArgumentException($"Every wait must belong to instance {instanceId}.");

        // An instance this command adds has no stored waits: nothing to read (and no transaction to begin for it).
        var stored = !added.Any(e => e is InstanceRecord i && i.Id == instanceId)
            && db.Instances.Local.FindEntry(instanceId) is not { State: EntityState.Added };
        await SyncAsync(db.MessageSubscriptions, s => s.InstanceId == instanceId, messages, s => s.Id, stored, ct);
        await SyncAsync(db.Timers, t => t.InstanceId == instanceId, timers, t => t.Id, stored, ct);
    }

    public async Task ReplaceStartWaitsAsync(string definitionKey, IReadOnlyCollection<MessageSubscriptionRecord> messages,
        IReadOnlyCollection<TimerRecord> timers, CancellationToken ct = default)
    {
        if (messages.Any(m => m.InstanceId is not null || m.DefinitionKey != definitionKey)
            || timers.Any(t => t.InstanceId is not null || t.DefinitionKey != definitionKey))
            throw new ArgumentException($"Every start wait must have no instance and the key '{definitionKey}'.");

        await SyncAsync(db.MessageSubscriptions, s => s.InstanceId == null && s.DefinitionKey == definitionKey,
            messages, s => s.Id, stored: true, ct);
        await SyncAsync(db.Timers, t => t.InstanceId == null && t.DefinitionKey == definitionKey, timers, t => t.Id, stored: true, ct);
    }

    public async Task<bool> DeleteTimerAsync(Guid timerId, CancellationToken ct = default)
    {
        // The row goes now, not at commit, so the count tells this command whether it won the timer;
        // a tracked copy would otherwise be written back (or fail) at commit.
        if (db.ChangeTracker.Entries<TimerRecord>().FirstOrDefault(e => e.Entity.Id == timerId) is { } tracked)
            tracked.State = EntityState.Detached;
        await BeginTransactionAsync(ct);
        try
        {
            return await db.Timers.Where(t => t.Id == timerId).ExecuteDeleteAsync(ct) > 0;
        }
        catch (Exception e) when (DatabaseErrors.IsLostRace(e))
        {
            // Under REPEATABLE READ a racing command that deleted the row first fails this one
            // instead of returning 0; a retry then finds the timer gone.
            throw LostRace(e);
        }
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
            throw new InvalidOperationException("The transaction is already committed.");

        // Only a command without a transaction may commit with others; any other hands its added rows to the tracker.
        var grouped = transaction is null && groupCommit is not null;
        if (!grouped) TrackAdded();
        try
        {
            // One scan for changes serves the whole commit: every ChangeTracker.Entries() call below would scan every
            // tracked row again (six scans per start, a twentieth of its CPU in P1). SaveChanges scans once more for what
            // this method changed on modified rows. Inside the try, so a failure here also turns detection back on.
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var pages = PrepareForSave();
            if (grouped && AppendOnlyInserts.TryCollectOnlyInserts(db, added, pages) is { } inserts)
            {
                // A command that changed nothing has nothing to commit.
                if (inserts.Count > 0)
                    await groupCommit!.CommitAsync(inserts, db.Database.Kind() == DatabaseKind.Sqlite ? 1 : ServerWriters);
                // The entries are not marked stored: the command ends here (marking them was a thirtieth of a start's CPU).
                committed = true;
                return;
            }
            await BeginTransactionAsync(ct);
            await AppendOnlyInserts.InsertAsync(db, pages, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.SaveChangesAsync(ct);
            await transaction!.CommitAsync(ct);
            committed = true;
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException("Another command changed the instance first; reload and retry.", e);
        }
        catch (Exception e) when (DatabaseErrors.IsLostRace(e))
        {
            throw LostRace(e);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    // Batches under way at once on a server database, which commits several transactions side by side.
    private const int ServerWriters = 2;

    private static ConcurrencyConflictException LostRace(Exception e) =>
        new("The database is busy with another command or another command wrote the same rows first; retry.", e);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        // Disposing a transaction that was not committed rolls it back.
        if (transaction is not null) await transaction.DisposeAsync();
        await db.DisposeAsync();
    }

    /// <returns>The command's journal, a page per instance (inserted untracked: nothing reads a page back in a command).</returns>
    private List<JournalPage> PrepareForSave()
    {
        var pages = journal.GroupBy(e => e.InstanceId).Select(entries => JournalPage.From(entries.Key, entries.ToList())).ToList();
        journal.Clear();
        foreach (var instance in added.OfType<InstanceRecord>()) instance.Revision++;
        foreach (var entry in db.ChangeTracker.Entries<InstanceRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Revision++;
            }
            else if (entry.State == EntityState.Modified)
            {
                // The original value stays in the UPDATE's WHERE; a racing command makes it match nothing.
                var revision = entry.Property(i => i.Revision);
                revision.CurrentValue = revision.OriginalValue + 1;
            }
        }

        // An error text may quote a value it refused; a personnummer in it is masked before it is stored.
        foreach (var incident in Changed<IncidentRecord>())
            incident.Error = PersonalNumberText.Mask(incident.Error);
        foreach (var job in Changed<JobRecord>().Where(j => j.LastError is not null))
            job.LastError = PersonalNumberText.Mask(job.LastError!);

        foreach (var entry in db.ChangeTracker.Entries<UserTaskRecord>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.CandidateRoles = CandidateRoles.Normalise(entry.Entity.CandidateRoles);
                InboxColumns.Update(entry);
            }
        }
        return pages;
    }

    private IEnumerable<T> Changed<T>() where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)
            .Concat(added.OfType<T>());

    /// <summary>
    /// Makes the rows selected by <paramref name="owner"/> equal the wanted set by Id: rows that stay are
    /// updated in place (only changed columns are written), rows that went are deleted, new ones inserted.
    /// Works on the tracked entries as well as the stored rows, so a second replace in the same command
    /// sees the first one's additions and deletions.
    /// </summary>
    /// <param name="stored">Whether the database may hold such rows; when not, only the tracked entries are looked at.</param>
    private async Task SyncAsync<T>(DbSet<T> set, Expression<Func<T, bool>> owner, IReadOnlyCollection<T> wanted,
        Func<T, Guid> id, bool stored, CancellationToken ct)
        where T : class
    {
        if (stored) await ReadAsync(async () => { await set.Where(owner).LoadAsync(ct); return true; }, ct);
        // Interpreted, not compiled: the predicate closes over this command's instance, so a compiled one was a new
        // dynamic method to JIT on every call — about a millisecond, against some 30 µs to interpret it over the few
        // tracked rows it is asked about.
        var isOwned = owner.Compile(preferInterpretation: true);
        var remaining = wanted.ToDictionary(id);
        foreach (var entry in db.ChangeTracker.Entries<T>().Where(e => isOwned(e.Entity)).ToList())
        {
            if (!remaining.Remove(id(entry.Entity), out var next))
            {
                set.Remove(entry.Entity);
                continue;
            }
            if (entry.State == EntityState.Deleted)
                entry.State = EntityState.Unchanged;
            if (!ReferenceEquals(entry.Entity, next))
                entry.CurrentValues.SetValues(next);
        }
        set.AddRange(remaining.Values);
    }
}
