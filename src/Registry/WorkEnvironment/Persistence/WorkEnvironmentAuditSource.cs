using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>
/// The audit trail of risk assessments and remote-work agreements: admin reads all of it, a manager the entries
/// filed under the units they manage (an assessment's scope, an agreement's employee's unit), everyone else nothing.
/// Snapshots were masked when written, so nothing here decrypts.
/// </summary>
internal sealed class WorkEnvironmentAuditSource(IDbContextFactory<WorkEnvironmentDbContext> contexts, IRegisterDirectory directory)
    : IAuditSource
{
    public IReadOnlyCollection<string> Entities { get; } = [RiskAssessmentMapping.Entity, RemoteWorkMapping.Entity];

    public async Task<IReadOnlyList<AuditEntryView>> ReadAsync(string entity, string? id, RegisterUser user, int max,
        CancellationToken ct = default)
    {
        if (!Entities.Contains(entity) || max <= 0) return [];
        List<string>? units = null;
        if (!user.IsAdmin)
        {
            units = (await directory.UnitsManagedByAsync(user.UserName, ct)).ToList();
            if (units.Count == 0) return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking().Where(a => a.Entity == entity);
        if (id is not null) query = query.Where(a => a.EntityId == id);
        if (units is not null) query = query.Where(a => units.Contains(a.UnitId));
        var rows = await query.OrderByDescending(a => a.Id).Take(max).ToListAsync(ct);
        return rows.Select(a => new AuditEntryView(a.Id, a.Entity, a.EntityId, a.Action, a.Actor, a.At, a.Before, a.After)).ToList();
    }
}
