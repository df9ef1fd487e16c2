using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Operations;

/// <summary>
/// Runs every change to the register: one context and transaction per attempt, retried when it loses a race
/// to another writer, with the result stored under the caller's idempotency key. A repeated key returns the
/// stored result and changes nothing, so a workflow step that runs twice does its work once.
/// </summary>
internal sealed class RegisterTransactions(IDbContextFactory<RegisterDbContext> contexts, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<T> RunAsync<T>(string operation, string? operationKey, RegisterUser actor,
        Func<RegisterChange, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (operationKey is not null && await StoredResultAsync<T>(db, operation, operationKey, ct) is { } stored)
                return stored.Value;

            var change = new RegisterChange(db, actor, time.GetUtcNow());
            T result;
            try
            {
                // Inside an engine command on SQLite the context has joined the command's transaction: it commits with it.
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                // In its own transaction a failed save is retried or given up on whole, so EF's savepoint around the
                // save is two round trips for nothing. Joined to a command it stays: the command goes on after a
                // failed change (a BPMN error) and must not keep half of it.
                db.Database.AutoSavepointsEnabled = transaction is null;
                result = await work(change);
                if (operationKey is not null)
                    db.Operations.Add(new RegisterOperationRecord
                    {
                        Key = operationKey, Operation = operation, ResultJson = RegisterJson.Serialize(result) ?? "null", At = change.Now,
                    });
                await db.SaveChangesAsync(ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
            catch (Exception e) when (attempt < Attempts && DatabaseErrors.IsLostRace(e))
            {
                // Another writer got there first (the same key, a busy SQLite file, a serialization failure): start again.
                continue;
            }
            foreach (var follow in change.AfterCommit) await follow(ct);
            return result;
        }
    }

    /// <summary>
    /// Runs a change to see what it would do, then rolls it back: nothing it wrote stays, and the stored results of
    /// idempotent operations are neither read nor written.
    /// </summary>
    public async Task<T> DryRunAsync<T>(RegisterUser actor, Func<RegisterChange, Task<T>> work, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A dry run cannot join another transaction: its rollback would undo that one too.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work(new RegisterChange(db, actor, time.GetUtcNow()));
        await transaction.RollbackAsync(ct);
        return result;
    }

    /// <summary>Read-only work on a fresh context.</summary>
    public async Task<T> ReadAsync<T>(Func<RegisterDbContext, Task<T>> query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await query(db);
    }

    private static async Task<StoredResult<T>?> StoredResultAsync<T>(RegisterDbContext db, string operation, string key,
        CancellationToken ct)
    {
        var row = await OperationByKey.RunAsync(db, key, ct);
        if (row is null) return null;
        if (row.Operation != operation)
            throw new RegisterConflictException($"Operationsnyckeln '{key}' har redan använts för en annan åtgärd ({row.Operation}).");
        return new StoredResult<T>(RegisterJson.Deserialize<T>(row.ResultJson));
    }

    // Every idempotent change asks this first, five times in an ordering's way to delivery: compiled once.
    private static readonly CompiledQuery<RegisterDbContext, string, RegisterOperationRecord?> OperationByKey =
        new((db, key, _) => db.Operations.AsNoTracking().FirstOrDefault(o => o.Key == key));

    private sealed record StoredResult<T>(T Value);
}
