using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using static RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments.RiskAssessmentMapping;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

internal sealed class RiskAssessmentService : IRiskAssessmentService
{
    private const string NotFound = "Riskbedömningen finns inte.";

    // Through the status endpoint; Approved and Rejected are reached only by sign-offs.
    private static readonly StatusTransitions<RiskAssessmentStatus> Transitions = new("Riskbedömningen",
        new Dictionary<RiskAssessmentStatus, RiskAssessmentStatus[]>
        {
            [RiskAssessmentStatus.Draft] = [RiskAssessmentStatus.Submitted],
            [RiskAssessmentStatus.Submitted] = [RiskAssessmentStatus.Draft],
            [RiskAssessmentStatus.Rejected] = [RiskAssessmentStatus.Draft],
        });

    private readonly IDbContextFactory<WorkEnvironmentDbContext> contexts;
    private readonly IRegisterDirectory directory;
    private readonly RiskAssessmentAccess access;
    private readonly TimeProvider time;
    private readonly AuditedWriter<RiskAssessmentRecord> writer;
    private readonly RiskAssessmentSignOffs signOffs;

    public RiskAssessmentService(IDbContextFactory<WorkEnvironmentDbContext> contexts, IRegisterDirectory directory, TimeProvider time)
    {
        this.contexts = contexts;
        this.directory = directory;
        this.time = time;
        access = new RiskAssessmentAccess(directory, new CurrentRoles(directory));
        signOffs = new RiskAssessmentSignOffs(access, time);
        writer = new AuditedWriter<RiskAssessmentRecord>(contexts, time, Entity, NotFound, ToView);
    }

    public async Task<IReadOnlyList<RiskAssessmentView>> ListAsync(RegisterUser user, string? unitId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.RiskAssessments.AsNoTracking();
        if (!await access.SeesAllAsync(user, ct))
        {
            var managed = (await access.ManagedUnitsAsync(user, ct)).ToList();
            query = query.Where(r => managed.Contains(r.ScopeUnitId));
        }
        if (unitId is not null) query = query.Where(r => r.ScopeUnitId == unitId);
        var rows = await query.OrderByDescending(r => r.UpdatedAt).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    public async Task<RiskAssessmentView> GetAsync(Guid id, RegisterUser user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.RiskAssessments.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !await access.MaySeeAsync(record.ScopeUnitId, user, ct))
            throw new WorkEnvironmentNotFoundException(NotFound);
        return ToView(record);
    }

    public async Task<RiskAssessmentView> CreateAsync(RiskAssessmentDraft draft, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default)
    {
        var (title, description, content) = RiskAssessmentValidator.Check(draft);
        var unit = string.IsNullOrWhiteSpace(draft.ScopeUnitId) ? null : await directory.FindUnitAsync(draft.ScopeUnitId, ct);
        if (unit is null)
            throw new WorkEnvironmentValidationException("scopeUnitId", "Ange en enhet eller ett område som finns i registret.");
        if (!await access.MaySeeAsync(unit.Id, user, ct))
            throw new WorkEnvironmentForbiddenException(
                "Riskbedömningar skrivs av HR, skyddsombud eller enhetens chef; du är ingen av dem för den här enheten.");

        var now = time.GetUtcNow();
        var record = new RiskAssessmentRecord
        {
            Id = Guid.NewGuid(), ScopeUnitId = unit.Id, ScopeUnitName = unit.Name, ScopeLevel = unit.Level, Title = title,
            Description = description, ContentJson = WorkEnvironmentJson.Write(content), Status = nameof(RiskAssessmentStatus.Draft),
            CreatedBy = user.UserName, CreatedAt = now, UpdatedAt = now,
        };
        return await GetAsync(await writer.CreateAsync(record, user.UserName, operationKey, ct), user, ct);
    }

    public Task<RiskAssessmentView> UpdateAsync(Guid id, RiskAssessmentDraft draft, RegisterUser user, CancellationToken ct = default) =>
        ChangeAsync(id, "Updated", user, null, record =>
        {
            if (Status(record) != RiskAssessmentStatus.Draft)
                throw new WorkEnvironmentConflictException($"Bara ett utkast kan ändras; riskbedömningen har status {record.Status}.");
            if (!string.Equals(draft.ScopeUnitId, record.ScopeUnitId, StringComparison.Ordinal))
                throw new WorkEnvironmentValidationException("scopeUnitId", "En riskbedömnings enhet kan inte bytas; skapa en ny.");
            var (title, description, content) = RiskAssessmentValidator.Check(draft);
            (record.Title, record.Description, record.ContentJson) = (title, description, WorkEnvironmentJson.Write(content));
            return Task.CompletedTask;
        }, ct);

    public Task<RiskAssessmentView> SubmitAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default) =>
        ChangeStatusAsync(id, RiskAssessmentStatus.Submitted, null, user, operationKey, ct);

    public Task<RiskAssessmentView> ReviseAsync(Guid id, RegisterUser user, string? reason = null, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeStatusAsync(id, RiskAssessmentStatus.Draft, reason, user, operationKey, ct);

    public Task<RiskAssessmentView> ChangeStatusAsync(Guid id, RiskAssessmentStatus status, string? reason, RegisterUser user,
        string? operationKey = null, CancellationToken ct = default) =>
        ChangeAsync(id, status == RiskAssessmentStatus.Submitted ? "Submitted" : $"StatusTo{status}", user, operationKey, record =>
        {
            var from = Status(record);
            Transitions.Ensure(from, status, "Godkänd eller avslagen blir en riskbedömning genom signering (sign-off).");
            if (status == RiskAssessmentStatus.Submitted)
            {
                RiskAssessmentValidator.CheckReadyToSubmit(ReadContent(record));
                record.SubmittedAt = time.GetUtcNow();
            }
            else
            {
                // Back to Draft: the sign-offs belong to the version that was submitted. A rejection's comment stays
                // until the next decision, so the writer sees what to fix.
                record.SignOffsJson = "[]";
                record.SubmittedAt = null;
            }
            record.Status = status.ToString();
            return Task.CompletedTask;
        }, ct);

    public Task<RiskAssessmentView> SignOffAsync(Guid id, SignOffRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(id, "SignedOff", user, operationKey, record => signOffs.ApplyAsync(record, request, user, ct), ct);

    public async Task<IReadOnlyList<RiskAssessmentEvent>> HistoryAsync(Guid id, RegisterUser user, CancellationToken ct = default)
    {
        await GetAsync(id, user, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = id.ToString();
        var rows = await db.Audit.AsNoTracking().Where(a => a.Entity == Entity && a.EntityId == key).OrderBy(a => a.Id).ToListAsync(ct);
        return rows.Select(ToEvent).OfType<RiskAssessmentEvent>().ToList();
    }

    private static RiskAssessmentEvent? ToEvent(WorkEnvironmentAuditRecord row)
    {
        if (row.After is null) return null;
        RiskAssessmentEventKind? kind = row.Action switch
        {
            AuditedWriter<RiskAssessmentRecord>.Created => RiskAssessmentEventKind.Created,
            "Updated" => RiskAssessmentEventKind.Updated,
            "Submitted" => RiskAssessmentEventKind.Submitted,
            "SignedOff" => RiskAssessmentEventKind.SignedOff,
            "StatusToDraft" => RiskAssessmentEventKind.ReturnedToDraft,
            _ => null,
        };
        if (kind is null) return null;
        var after = WorkEnvironmentJson.Read<RiskAssessmentView>(row.After);
        // A sign-off appends its own entry, so the newest one in the snapshot is the one this change made.
        var signOff = kind == RiskAssessmentEventKind.SignedOff ? after.SignOffs.LastOrDefault() : null;
        return new RiskAssessmentEvent(kind.Value, row.Actor, row.At, after.Status, signOff);
    }

    public async Task<IReadOnlyList<AssessmentCoverage>> CoverageAsync(string unitId, CancellationToken ct = default) =>
        await CoverageAsync(await directory.AncestryAsync(unitId, ct), ct);

    public async Task<IReadOnlyList<AssessmentCoverage>> CoverageAsync(IReadOnlyList<UnitInfo> ancestry, CancellationToken ct = default)
    {
        var levels = ancestry.ToDictionary(u => u.Id, u => u.Level, StringComparer.Ordinal);
        var ids = levels.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.RiskAssessments.AsNoTracking().Where(r => ids.Contains(r.ScopeUnitId))
            .Select(r => new { r.Id, r.ScopeUnitId, r.Status, r.UpdatedAt }).ToListAsync(ct);
        var nearness = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
        return rows.OrderBy(r => nearness[r.ScopeUnitId]).ThenByDescending(r => r.UpdatedAt)
            .Select(r => new AssessmentCoverage(levels[r.ScopeUnitId], Enum.Parse<RiskAssessmentStatus>(r.Status), r.ScopeUnitId, r.Id))
            .ToList();
    }

    /// <summary>Loads, checks visibility, applies, audits, saves; answers the record as the caller sees it now.</summary>
    private async Task<RiskAssessmentView> ChangeAsync(Guid id, string action, RegisterUser user, string? operationKey,
        Func<RiskAssessmentRecord, Task> apply, CancellationToken ct)
    {
        await writer.UpdateAsync(id, action, user.UserName, operationKey, async record =>
        {
            if (!await access.MaySeeAsync(record.ScopeUnitId, user, ct))
                throw new WorkEnvironmentNotFoundException(NotFound);
            await apply(record);
            record.UpdatedAt = time.GetUtcNow();
        }, ct);
        return await GetAsync(id, user, ct);
    }
}
