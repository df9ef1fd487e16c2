using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Diagnostics;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Commits the new rows of several commands in one database transaction: commands whose every change is an insert (a
/// start that runs to its end, to a user task, a job or a wait) and that read nothing inside a transaction.
/// </summary>
/// <remarks>
/// <para>
/// A transaction's fixed cost — taking SQLite's one writer lock, writing and syncing the WAL, PostgreSQL's commit
/// record and round trips — was most of what a short start cost the database: one transaction per start stayed below
/// half the database's single-row commit rate however little the engine did (P1, docs/benchmarks.md). Commands that
/// finish while a batch is being written go in the next one; a lone command is written at once, so nothing waits for
/// company.
/// </para>
/// <para>
/// Each command still gets its own outcome: when a batch fails (a unique key, a busy database), it is rolled back and
/// each of its commands is written alone, so one command's failure is not another's. Inserts cannot lose a race for a
/// row, so a batch needs no isolation beyond its own atomicity.
/// </para>
/// </remarks>
internal sealed class GroupCommit(IDbContextFactory<WorkflowDbContext> contexts, ILogger<GroupCommit>? logger = null)
{
    // At most this many commands per transaction: the batch's commands wait for the whole of it.
    private const int MaxCommandsPerBatch = 64;

    private readonly Lock gate = new();
    private List<Pending> queue = [];
    private int writers;

    /// <summary>Writes the rows; completes when their transaction has committed.</summary>
    /// <remarks>Not cancellable once queued: the batch it joins may already be on its way to the database.</remarks>
    /// <param name="concurrentWriters">How many batches may be on their way at once: one on SQLite, whose writer is one.</param>
    public Task CommitAsync(IReadOnlyList<AppendOnlyInserts.Row> rows, int concurrentWriters)
    {
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            queue.Add(pending);
            if (writers >= concurrentWriters) return pending.Committed.Task;
            writers++;
        }
        _ = Task.Run(WriteQueueAsync);
        return pending.Committed.Task;
    }

    private async Task WriteQueueAsync()
    {
        // One context and open connection for as long as batches follow each other: opening and closing them was a
        // sixth of a batch's time (P1, SQLite). After a failure the next batch takes a fresh one.
        WorkflowDbContext? db = null;
        try
        {
            while (true)
            {
                List<Pending> batch;
                lock (gate)
                {
                    if (queue.Count == 0)
                    {
                        writers--;
                        return;
                    }
                    batch = queue.Count <= MaxCommandsPerBatch ? queue : queue[..MaxCommandsPerBatch];
                    queue = queue.Count <= MaxCommandsPerBatch ? [] : queue[MaxCommandsPerBatch..];
                }
                if (db is null)
                {
                    try
                    {
                        db = await contexts.CreateDbContextAsync();
                        db.Database.AutoSavepointsEnabled = false;
                        await db.Database.OpenConnectionAsync();
                    }
                    catch (Exception e)
                    {
                        foreach (var pending in batch) Complete(pending, e);
                        continue;
                    }
                }
                if (!await WriteAsync(db, batch))
                {
                    var failed = db;
                    db = null;
                    await failed.DisposeAsync();
                }
            }
        }
        catch (Exception e)
        {
            // Nothing above should throw; if something does, no queued command may wait for ever.
            List<Pending> stranded;
            lock (gate)
            {
                stranded = queue;
                queue = [];
                writers--;
            }
            foreach (var pending in stranded) Complete(pending, e);
        }
        finally
        {
            if (db is not null) await db.DisposeAsync();
        }
    }

    /// <returns>Whether every command of the batch was written.</returns>
    private async Task<bool> WriteAsync(WorkflowDbContext db, List<Pending> batch)
    {
        try
        {
            await WriteInOneTransactionAsync(db, batch);
            EngineInstruments.GroupCommitted(batch.Count);
            foreach (var pending in batch) Complete(pending, null);
            return true;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger?.LogDebug(e, "A batch of {Count} commands' inserts failed; writing each alone", batch.Count);
        }
        catch (Exception e)
        {
            Complete(batch[0], e);
            return false;
        }
        foreach (var pending in batch)
        {
            try
            {
                await WriteInOneTransactionAsync(db, [pending]);
                EngineInstruments.GroupCommitted(1);
                Complete(pending, null);
            }
            catch (Exception e)
            {
                Complete(pending, e);
            }
        }
        return false;
    }

    private static async Task WriteInOneTransactionAsync(WorkflowDbContext db, List<Pending> batch)
    {
        var rows = batch.Count == 1 ? batch[0].Rows : batch.SelectMany(p => p.Rows).ToList();
        if (AppendOnlyInserts.IsAtomic(db))
        {
            // No BEGIN and COMMIT of their own: on PostgreSQL that spares the COMMIT's round trip, which was half of what
            // a batch waited for (P1).
            await AppendOnlyInserts.ExecuteAsync(db, rows, CancellationToken.None);
            return;
        }
        // Inserts only: no snapshot to keep, so the default isolation (and on SQLite BEGIN IMMEDIATE) serves.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AppendOnlyInserts.ExecuteAsync(db, rows, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static void Complete(Pending pending, Exception? error)
    {
        if (error is null)
        {
            pending.Committed.SetResult();
        }
        else
        {
            pending.Committed.SetException(error);
        }
    }

    private sealed record Pending(IReadOnlyList<AppendOnlyInserts.Row> Rows, TaskCompletionSource Committed);
}
