using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// <see cref="IWorkflowStatistics"/> on EF Core: instances by the (DefinitionKey, Status) index, open incidents of the
/// instances they belong to, timers by the DueAt index.
/// </summary>
internal sealed class EfWorkflowStatistics(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowStatistics
{
    public async Task<WorkflowCounts> CountAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instances = await db.Instances.AsNoTracking()
            .GroupBy(i => new { i.DefinitionKey, i.Status })
            .Select(g => new { g.Key.DefinitionKey, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ResolvedAt == null)
            .Join(db.Instances.AsNoTracking(), i => i.InstanceId, instance => instance.Id, (_, instance) => instance.DefinitionKey)
            .GroupBy(key => key)
            .Select(g => new { Process = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var dueTimers = await db.Timers.AsNoTracking().CountAsync(t => t.DueAt <= now, ct);
        return new WorkflowCounts(
            instances.Select(i => new InstanceCount(i.DefinitionKey, i.Status, i.Count)).ToList(),
            incidents.Select(i => new ProcessCount(i.Process, i.Count)).ToList(),
            dueTimers);
    }
}
