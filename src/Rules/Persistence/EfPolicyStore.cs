using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>
/// <see cref="IPolicyStore"/> on EF Core: a short-lived context per call, writes in one transaction
/// with their audit row (on SQLite BEGIN IMMEDIATE, so two saves of one set queue rather than race).
/// </summary>
internal sealed class EfPolicyStore(IDbContextFactory<PolicyDbContext> contexts) : IPolicyStore
{
    // Two writers on a server database can still pick the same next number; the key refuses the
    // second, which then tries again with the number after.
    private const int InsertAttempts = 5;

    public async Task<IReadOnlyList<PolicySetSummary>> ListSetsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Versions.AsNoTracking()
            .GroupBy(v => v.Set)
            .Select(g => new
            {
                Set = g.Key,
                Latest = g.Max(v => v.Version),
                Published = g.Where(v => v.Published).Max(v => (int?)v.Version),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Set, StringComparer.Ordinal)
            .Select(r => new PolicySetSummary(r.Set, r.Latest, r.Published)).ToList();
    }

    public async Task<IReadOnlyList<PolicyVersionInfo>> ListVersionsAsync(string set, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The JSON can be large and a list never shows it.
        return await db.Versions.AsNoTracking().Where(v => v.Set == set).OrderBy(v => v.Version)
            .Select(v => new PolicyVersionInfo(v.Set, v.Version, v.Published, v.SavedAt, v.SavedBy, v.PublishedAt, v.PublishedBy, v.PublishNote))
            .ToListAsync(ct);
    }

    public async Task<StoredPolicyVersion?> FindAsync(string set, int? version, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Versions.AsNoTracking().Where(v => v.Set == set);
        if (version is { } number) query = query.Where(v => v.Version == number);
        var row = await query.OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : new StoredPolicyVersion(Info(row), row.WorkflowJson);
    }

    public async Task<int?> FindPublishedVersionAsync(string set, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Versions.AsNoTracking().Where(v => v.Set == set && v.Published)
            .Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<int> AddVersionAsync(string set, string workflowJson, string actor, DateTimeOffset at,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = (await db.Versions.Where(v => v.Set == set).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
            db.Versions.Add(new PolicyVersionRecord { Set = set, Version = version, WorkflowJson = workflowJson, SavedAt = at, SavedBy = actor });
            db.Audit.Add(new PolicyAuditRecord { Set = set, Version = version, Action = PolicyAuditRecord.Saved, Actor = actor, At = at });
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return version;
            }
            catch (DbUpdateException) when (attempt < InsertAttempts)
            {
            }
        }
    }

    public async Task<bool> PublishAsync(string set, int version, string actor, DateTimeOffset at, string? note = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Versions.FirstOrDefaultAsync(v => v.Set == set && v.Version == version, ct);
        if (target is null) return false;
        foreach (var other in await db.Versions.Where(v => v.Set == set && v.Published && v.Version != version).ToListAsync(ct))
            other.Published = false;
        target.Published = true;
        target.PublishedAt = at;
        target.PublishedBy = actor;
        target.PublishNote = note;
        db.Audit.Add(new PolicyAuditRecord { Set = set, Version = version, Action = PolicyAuditRecord.Published, Actor = actor, At = at, Note = note });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> SeedAsync(string set, string workflowJson, string actor, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Versions.AnyAsync(v => v.Set == set, ct)) return false;
        db.Versions.Add(new PolicyVersionRecord
        {
            Set = set, Version = 1, WorkflowJson = workflowJson, Published = true,
            SavedAt = at, SavedBy = actor, PublishedAt = at, PublishedBy = actor,
        });
        db.Audit.Add(new PolicyAuditRecord { Set = set, Version = 1, Action = PolicyAuditRecord.Seeded, Actor = actor, At = at });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same set between our check and insert: that is the goal reached.
            return false;
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<string?> FindTestCasesAsync(string set, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TestCases.AsNoTracking().Where(t => t.Set == set).Select(t => t.CasesJson).FirstOrDefaultAsync(ct);
    }

    public async Task SaveTestCasesAsync(string set, string casesJson, string actor, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.TestCases.FirstOrDefaultAsync(t => t.Set == set, ct);
        if (row is null)
            db.TestCases.Add(new PolicyTestCasesRecord { Set = set, CasesJson = casesJson, SavedAt = at, SavedBy = actor });
        else
        {
            row.CasesJson = casesJson;
            row.SavedAt = at;
            row.SavedBy = actor;
        }
        await db.SaveChangesAsync(ct);
    }

    private static PolicyVersionInfo Info(PolicyVersionRecord row) =>
        new(row.Set, row.Version, row.Published, row.SavedAt, row.SavedBy, row.PublishedAt, row.PublishedBy);
}
