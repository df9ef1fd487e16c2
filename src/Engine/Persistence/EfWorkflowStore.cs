using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// <see cref="IWorkflowStore"/> on EF Core. Each query uses a short-lived context without tracking;
/// writes go through <see cref="EfWorkflowTransaction"/>.
/// </summary>
internal sealed class EfWorkflowStore(IDbContextFactory<WorkflowDbContext> contexts, GroupCommit groupCommit) : IWorkflowStore
{
    public async Task<IWorkflowTransaction> BeginAsync(CancellationToken ct = default) =>
        await EfWorkflowTransaction.BeginAsync(contexts, groupCommit, ct);

    public Task<DefinitionRecord?> FindDefinitionAsync(string key, int? version, bool publishedOnly,
        CancellationToken ct = default) =>
        ReadAsync(db =>
        {
            var query = db.Definitions.AsNoTracking().Where(d => d.Key == key);
            if (publishedOnly)
                query = query.Where(d => d.Published);
            if (version is { } v)
                query = query.Where(d => d.Version == v);
            return query.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        }, ct);

    public Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(string? key, CancellationToken ct = default) =>
        ReadListAsync(db =>
        {
            var query = db.Definitions.AsNoTracking();
            if (key is not null)
                query = query.Where(d => d.Key == key);
            // The XML can be large and a list never shows it.
            return query.OrderBy(d => d.Key).ThenBy(d => d.Version).Select(d => new DefinitionRecord
            {
                Key = d.Key, Version = d.Version, Name = d.Name, Xml = "", Published = d.Published,
                DeployedAt = d.DeployedAt, DeployedBy = d.DeployedBy, PublishedAt = d.PublishedAt,
            });
        }, ct);

    public Task<InstanceRecord?> FindInstanceAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(db => db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct), ct);

    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default) =>
        ReadListAsync(db =>
        {
            var instances = db.Instances.AsNoTracking();
            if (query.DefinitionKey is not null)
                instances = instances.Where(i => i.DefinitionKey == query.DefinitionKey);
            if (query.Status is { } status)
                instances = instances.Where(i => i.Status == status);
            if (query.StartedBy is not null)
                instances = instances.Where(i => i.StartedBy == query.StartedBy);
            if (query.Concerning is not null)
                instances = instances.Where(i => i.StartedBy == query.Concerning || i.StartedFor == query.Concerning);
            if (query.BusinessKey is not null)
                instances = instances.Where(i => i.BusinessKey == query.BusinessKey);
            // Newest first: a list is cut at Max, and the recent instances are the ones people look for.
            return instances.OrderByDescending(i => i.StartedAt).Take(query.Max);
        }, ct);

    public async Task<InstanceSearchResult> SearchInstancesAsync(InstanceSearch search, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matching = InstanceFilters.Apply(db.Instances.AsNoTracking(), search);
        var counts = await matching.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (search.Status is { } status)
            matching = matching.Where(i => i.Status == status);
        var page = await matching.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip(search.Offset).Take(search.Limit).ToListAsync(ct);
        var byStatus = counts.ToDictionary(c => c.Status, c => c.Count);
        var total = search.Status is { } s ? byStatus.GetValueOrDefault(s) : byStatus.Values.Sum();
        return new InstanceSearchResult(page, total, byStatus);
    }

    public async Task<IReadOnlyList<JournalRecord>> ListJournalAsync(Guid instanceId, CancellationToken ct = default)
    {
        var pages = await ReadListAsync(db => db.JournalPages.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id), ct);
        return pages.SelectMany(p => p.ToRecords()).ToList();
    }

    public async Task<IReadOnlyList<JournalRecord>> ListJournalsAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        // Chunked: one query per few hundred instances keeps every product's parameter limit (SQL Server: 2,100) far off.
        var records = new List<JournalRecord>();
        foreach (var chunk in instanceIds.Distinct().Chunk(500))
        {
            var pages = await ReadListAsync(db => db.JournalPages.AsNoTracking().Where(j => chunk.Contains(j.InstanceId))
                .OrderBy(j => j.InstanceId).ThenBy(j => j.Id), ct);
            records.AddRange(pages.SelectMany(p => p.ToRecords()));
        }
        return records;
    }

    public Task<UserTaskRecord?> FindTaskAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(db => db.UserTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct), ct);

    public Task<IReadOnlyList<UserTaskRecord>> ListTasksAsync(TaskQuery query, CancellationToken ct = default) =>
        ReadListAsync(db =>
        {
            var tasks = db.UserTasks.AsNoTracking();
            if (query.InstanceId is { } instanceId)
                tasks = tasks.Where(t => t.InstanceId == instanceId);
            if (query.OpenOnly)
                tasks = tasks.Where(t => t.Status == UserTaskStatus.Open);
            if (query.User is { } user)
                tasks = tasks.Where(TaskFilters.Visible(user, query.Roles, db.Database.Kind() == DatabaseKind.PostgreSql));
            return tasks.OrderBy(t => t.CreatedAt).Take(query.Max);
        }, ct);

    public async Task<TaskSearchResult> SearchTasksAsync(TaskSearch search, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matching = TaskFilters.Apply(db.UserTasks.AsNoTracking(), search, db.Database.Kind() == DatabaseKind.PostgreSql);
        var page = await TaskFilters.Order(matching, search.Sort, search.Descending)
            .Skip(search.Offset).Take(search.Limit).ToListAsync(ct);
        // A first page that is not full already says how many there are; counting is the costly part.
        if (search.Offset == 0 && page.Count < search.Limit) return new TaskSearchResult(page, page.Count);
        if (search.CountUpTo is not { } cap) return new TaskSearchResult(page, await matching.CountAsync(ct));
        ArgumentOutOfRangeException.ThrowIfNegative(cap, nameof(search.CountUpTo));
        // count(*) over a LIMIT cap + 1 subquery: the walk stops one past the cap, which says whether more match.
        var counted = await matching.Take(cap + 1).CountAsync(ct);
        return counted > cap ? new TaskSearchResult(page, cap, Capped: true) : new TaskSearchResult(page, counted);
    }

    public Task<IReadOnlyList<MessageSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName,
        string? correlationKey, CancellationToken ct = default) =>
        ReadListAsync(db => db.MessageSubscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName
                && (s.CorrelationKey == null || s.CorrelationKey == correlationKey))
            .OrderBy(s => s.CreatedAt), ct);

    public Task<IReadOnlyList<TimerRecord>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        ReadListAsync(db => db.Timers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(max), ct);

    public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(Guid? instanceId, bool openOnly,
        CancellationToken ct = default) =>
        ReadListAsync(db =>
        {
            var incidents = db.Incidents.AsNoTracking();
            if (instanceId is { } id)
                incidents = incidents.Where(i => i.InstanceId == id);
            if (openOnly)
                incidents = incidents.Where(i => i.ResolvedAt == null);
            return incidents.OrderBy(i => i.CreatedAt);
        }, ct);

    public Task<IReadOnlyList<InstanceRecord>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        ReadListAsync(db => db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)), ct);

    // The business key alone, not the instance with its state: a run reads this for every job.
    public Task<JobToRun?> FindJobToRunAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(db => JobToRunById.RunAsync(db, id, ct), ct);

    // Read before every job runs: compiled once.
    private static readonly CompiledQuery<WorkflowDbContext, Guid, JobToRun?> JobToRunById = new((db, id, _) =>
        db.Jobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new JobToRun(j, db.Instances.Where(i => i.Id == j.InstanceId).Select(i => i.BusinessKey).FirstOrDefault()))
            .FirstOrDefault());

    public Task<IReadOnlyList<JobRecord>> ListPendingJobsAsync(int max, CancellationToken ct = default) =>
        ReadListAsync(db => db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Pending)
            .OrderBy(j => j.CreatedAt).Take(max), ct);

    public Task<TimerRecord?> FindTimerAsync(Guid id, CancellationToken ct = default) =>
        ReadAsync(db => db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct), ct);

    private async Task<T> ReadAsync<T>(Func<WorkflowDbContext, Task<T>> query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await query(db);
    }

    private async Task<IReadOnlyList<T>> ReadListAsync<T>(Func<WorkflowDbContext, IQueryable<T>> query,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await query(db).ToListAsync(ct);
    }
}
