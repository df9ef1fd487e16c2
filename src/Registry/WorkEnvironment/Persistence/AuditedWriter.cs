using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>
/// Writes one record kind: every change is saved together with its audit entry (before/after snapshots, personal
/// data already masked by <paramref name="snapshot"/>) and, for workflow calls, its operation key, in one
/// SaveChanges. A change that throws saves nothing. A repeated operation key returns the record it touched.
/// </summary>
internal sealed class AuditedWriter<TRecord>(
    IDbContextFactory<WorkEnvironmentDbContext> contexts,
    TimeProvider time,
    string entity,
    string notFoundMessage,
    Func<TRecord, object> snapshot)
    where TRecord : class, IAuditedRecord
{
    public const string Created = "Created";

    public async Task<Guid> CreateAsync(TRecord record, string actor, string? operationKey, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await FindProcessedAsync(db, operationKey, Created, ct) is { } done) return done;
        db.Add(record);
        return await SaveAsync(db, record, Created, actor, before: null, operationKey, ct);
    }

    /// <param name="apply">Checks access and state, then changes the tracked record; throws to refuse (nothing is saved).</param>
    public async Task<Guid> UpdateAsync(Guid id, string action, string actor, string? operationKey, Func<TRecord, Task> apply,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await FindProcessedAsync(db, operationKey, action, ct) is { } done) return done;
        var record = await db.Set<TRecord>().FindAsync([id], ct) ?? throw new WorkEnvironmentNotFoundException(notFoundMessage);
        var before = WorkEnvironmentJson.Write(snapshot(record));
        await apply(record);
        // The concurrency token: an update whose row changed since it was read fails instead of overwriting.
        record.Revision++;
        return await SaveAsync(db, record, action, actor, before, operationKey, ct);
    }

    private async Task<Guid> SaveAsync(WorkEnvironmentDbContext db, TRecord record, string action, string actor, string? before,
        string? operationKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.Audit.Add(new WorkEnvironmentAuditRecord
        {
            Entity = entity, EntityId = record.Id.ToString(), UnitId = record.AuditUnitId, Action = action, Actor = actor,
            At = now, Before = before, After = WorkEnvironmentJson.Write(snapshot(record)),
        });
        if (operationKey is not null)
            db.ProcessedOperations.Add(new ProcessedOperationRecord { Key = operationKey, Operation = Operation(action), EntityId = record.Id, At = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return record.Id;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkEnvironmentConflictException("Någon annan ändrade samma post samtidigt. Läs in den igen och försök på nytt.");
        }
        catch (DbUpdateException) when (operationKey is not null)
        {
            // Two calls with one key at once: the other stored it first, so this one is its repeat.
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            if (await FindProcessedAsync(fresh, operationKey, action, ct) is { } done) return done;
            throw;
        }
    }

    private async Task<Guid?> FindProcessedAsync(WorkEnvironmentDbContext db, string? operationKey, string action, CancellationToken ct)
    {
        if (operationKey is null) return null;
        if (operationKey.Length is 0 or > WorkEnvironmentDbContext.OperationKeyLength)
            throw new WorkEnvironmentValidationException("operationKey",
                $"Operationsnyckeln måste vara 1–{WorkEnvironmentDbContext.OperationKeyLength} tecken.");
        var processed = await db.ProcessedOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == operationKey, ct);
        if (processed is null) return null;
        if (processed.Operation != Operation(action))
            throw new WorkEnvironmentConflictException("Operationsnyckeln har redan använts för en annan åtgärd.");
        return processed.EntityId;
    }

    private string Operation(string action) => $"{entity}.{action}";
}
