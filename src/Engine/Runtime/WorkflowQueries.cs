using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// The read side, with who-may-see-what: process owners and admins see every instance (read-only for
/// owners); others see instances they started or hold a task in. Ids are never proof of access.
/// </summary>
internal sealed class WorkflowQueries(IWorkflowStore store, WorkflowViews views, TimeProvider clock, IOptions<EngineOptions> options) : IWorkflowQueries
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<IReadOnlyList<DefinitionSummaryView>> ListDefinitionsAsync(CancellationToken ct = default)
    {
        var all = await store.ListDefinitionsAsync(null, ct);
        return all.GroupBy(d => d.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Summary).ToList();
    }

    public async Task<DefinitionSummaryView?> GetDefinitionAsync(string key, CancellationToken ct = default)
    {
        var versions = await store.ListDefinitionsAsync(key, ct);
        return versions.Count == 0 ? null : Summary(versions.GroupBy(v => v.Key).Single());
    }

    public async Task<string?> GetDefinitionXmlAsync(string key, int version, CancellationToken ct = default) =>
        (await store.FindDefinitionAsync(key, version, publishedOnly: false, ct))?.Xml;

    private static DefinitionSummaryView Summary(IGrouping<string, DefinitionRecord> versions)
    {
        var ordered = versions.OrderBy(v => v.Version).ToList();
        return new DefinitionSummaryView(versions.Key, ordered[^1].Name, ordered[^1].Version,
            ordered.LastOrDefault(v => v.Published)?.Version,
            ordered.Select(v => new DefinitionVersionDetail(v.Version, v.Published, v.DeployedAt, v.DeployedBy, v.PublishedAt)).ToList());
    }

    public async Task<InstanceView?> GetInstanceAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var record = await store.FindInstanceAsync(id, ct);
        if (record is null || !await MaySeeAsync(record, caller, ct)) return null;
        return views.Instance(record, await store.ListIncidentsAsync(id, openOnly: false, ct));
    }

    public async Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceQuery query, Caller caller, CancellationToken ct = default)
    {
        var records = await store.ListInstancesAsync(query, ct);
        var visible = new List<InstanceView>();
        foreach (var record in records)
        {
            if (!SeesAll(caller) && !Concerns(record, caller)) continue;
            visible.Add(views.Instance(record, await store.ListIncidentsAsync(record.Id, openOnly: false, ct)));
        }
        return visible;
    }

    public async Task<InstancePage> FindInstancesAsync(InstanceFilter filter, Caller caller, CancellationToken ct = default)
    {
        Check(filter);
        var found = await store.SearchInstancesAsync(new InstanceSearch
        {
            DefinitionKey = Blank(filter.Process), Version = filter.Version, Status = filter.Status,
            BusinessKey = Blank(filter.BusinessKey), Person = Blank(filter.Person),
            Concerning = SeesAll(caller) ? null : caller.UserName,
            StartedFrom = StartOf(filter.StartedFrom), StartedBefore = StartOf(filter.StartedTo?.AddDays(1)),
            Offset = filter.Offset, Limit = filter.PageSize,
        }, ct);
        // One query for the page's open incidents would be nicer; a page is small and most instances have none.
        var page = new List<InstanceView>(found.Instances.Count);
        foreach (var record in found.Instances)
            page.Add(views.Instance(record, await store.ListIncidentsAsync(record.Id, openOnly: true, ct)));
        return new InstancePage(page, found.Total, found.StatusCounts.ToDictionary(c => c.Key.ToString(), c => c.Value));
    }

    private DateTimeOffset? StartOf(DateOnly? day)
    {
        if (day is not { } d) return null;
        var midnight = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static void Check(InstanceFilter filter)
    {
        if (filter.PageSize is < 1 or > InstanceFilter.MaxPageSize)
            throw new InvalidRequestException($"The page size must be 1 to {InstanceFilter.MaxPageSize}.");
        if (filter.Offset < 0) throw new InvalidRequestException("The offset cannot be negative.");
        if (filter.BusinessKey?.Length > InstanceFilter.MaxTextLength || filter.Person?.Length > InstanceFilter.MaxTextLength)
            throw new InvalidRequestException($"A search text can be at most {InstanceFilter.MaxTextLength} characters.");
        if (filter.StartedFrom > filter.StartedTo)
            throw new InvalidRequestException("The first day cannot come after the last.");
    }

    public async Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, Caller caller, CancellationToken ct = default)
    {
        var record = await store.FindInstanceAsync(instanceId, ct);
        if (record is null || !await MaySeeAsync(record, caller, ct))
            throw new NotFoundException($"Instance {instanceId} does not exist.");
        var entries = await store.ListJournalAsync(instanceId, ct);
        return entries.Select(View).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<JournalEntryView>>> GetJournalsAsync(IReadOnlyCollection<Guid> instanceIds,
        Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) throw new ForbiddenException("Only an admin may read many instances' journals at once.");
        var entries = await store.ListJournalsAsync(instanceIds, ct);
        return entries.GroupBy(e => e.InstanceId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<JournalEntryView>)g.OrderBy(e => e.Id).Select(View).ToList());
    }

    private static JournalEntryView View(JournalRecord e) =>
        new(e.Id, e.At, e.Kind, e.ElementId, e.Actor, e.Detail is null ? null : PersonalNumberText.Mask(e.Detail));

    public async Task<IReadOnlyList<TaskView>> ListTasksAsync(Caller caller, Guid? instanceId, int limit = 100, CancellationToken ct = default)
    {
        var tasks = await store.ListTasksAsync(new TaskQuery(instanceId, caller.UserName, caller.Roles.ToList(), Max: limit), ct);
        return await TaskViewsAsync(tasks, ct);
    }

    public async Task<InboxPage> FindTasksAsync(Caller caller, InboxQuery query, CancellationToken ct = default)
    {
        Check(query);
        var found = await store.SearchTasksAsync(new TaskSearch(caller.UserName, caller.Roles.ToList())
        {
            Scope = query.Scope, InstanceId = query.InstanceId, DefinitionKey = Blank(query.Process),
            DueBefore = InboxCalendar.DueBefore(query.Due, clock.GetUtcNow(), zone), Text = Blank(query.Text),
            Sort = query.Sort, Descending = query.Descending, Offset = query.Offset, Limit = query.PageSize,
            CountUpTo = query.CountUpTo,
        }, ct);
        return new InboxPage(await TaskViewsAsync(found.Tasks, ct), found.Total, found.Capped);
    }

    private static void Check(InboxQuery query)
    {
        if (query.PageSize is < 1 or > InboxQuery.MaxPageSize)
            throw new InvalidRequestException($"The page size must be 1 to {InboxQuery.MaxPageSize}.");
        if (query.Offset < 0) throw new InvalidRequestException("The offset cannot be negative.");
        if (query.CountInStepsOf < 1) throw new InvalidRequestException("Count in steps of at least 1.");
        if (query.Text?.Length > InboxQuery.MaxTextLength)
            throw new InvalidRequestException($"The search text can be at most {InboxQuery.MaxTextLength} characters.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A page's tasks with their variables: the page's instances are read in one query.</summary>
    private async Task<IReadOnlyList<TaskView>> TaskViewsAsync(IReadOnlyList<UserTaskRecord> tasks, CancellationToken ct)
    {
        var instances = (await store.FindInstancesAsync(tasks.Select(t => t.InstanceId).Distinct().ToList(), ct))
            .ToDictionary(i => i.Id);
        return tasks.Select(t => views.Task(t, instances.GetValueOrDefault(t.InstanceId))).ToList();
    }

    public async Task<TaskView?> GetTaskAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var task = await store.FindTaskAsync(id, ct);
        if (task is null) return null;
        var visible = TaskAccess.MayWork(task, caller) || task.CompletedBy == caller.UserName || SeesAll(caller);
        return visible ? views.Task(task, await store.FindInstanceAsync(task.InstanceId, ct)) : null;
    }

    public async Task<IReadOnlyList<IncidentListItem>> ListIncidentsAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) throw new ForbiddenException("Only an admin may list incidents.");
        var incidents = await store.ListIncidentsAsync(null, openOnly: true, ct);
        var keys = new Dictionary<Guid, string>();
        var items = new List<IncidentListItem>();
        foreach (var i in incidents)
        {
            if (!keys.TryGetValue(i.InstanceId, out var key))
                keys[i.InstanceId] = key = (await store.FindInstanceAsync(i.InstanceId, ct))?.DefinitionKey ?? "";
            items.Add(new IncidentListItem(i.Id, i.InstanceId, key, i.ElementId, PersonalNumberText.Mask(i.Error), i.Attempts, i.CreatedAt, i.ErrorCode));
        }
        return items;
    }

    /// <summary>Admins, process owners and the service center (who run the processes day to day) read every instance.</summary>
    private static bool SeesAll(Caller caller) =>
        caller.IsAdmin || caller.Roles.Contains(WorkflowEngine.ProcessOwnerRole) || caller.Roles.Contains(WorkflowEngine.ServiceCenterRole);

    /// <summary>The caller's own request: started by them, or by someone else for them.</summary>
    private static bool Concerns(InstanceRecord record, Caller caller) =>
        record.StartedBy == caller.UserName || record.StartedFor == caller.UserName;

    private async Task<bool> MaySeeAsync(InstanceRecord record, Caller caller, CancellationToken ct)
    {
        if (SeesAll(caller) || Concerns(record, caller)) return true;
        var tasks = await store.ListTasksAsync(new TaskQuery(record.Id, OpenOnly: false), ct);
        return tasks.Any(t => TaskAccess.MayWork(t, caller) || t.CompletedBy == caller.UserName);
    }
}
