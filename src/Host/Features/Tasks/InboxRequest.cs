using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Host.Features.Tasks;

/// <summary>
/// The query string of <c>GET /api/tasks</c>. Every parameter is optional; without any the inbox is what it always
/// was: all my tasks, oldest first, 100.
/// </summary>
/// <param name="Count">"exact" counts every match; by default the count stops at the first multiple of
/// <see cref="InboxOptions.CountStep"/> past the page, and <see cref="CappedHeader"/> says there are more.</param>
internal sealed record InboxRequest(Guid? InstanceId, int? Limit, int? Offset, string? Scope, string? Process, string? Due,
    string? Q, string? Sort, string? Order, string? Count)
{
    public const string TotalHeader = "X-Total-Count";
    public const string CappedHeader = "X-Total-Count-Capped";

    private static readonly Dictionary<string, TaskScope> Scopes = new(StringComparer.OrdinalIgnoreCase)
        { ["all"] = TaskScope.All, ["mine"] = TaskScope.Mine, ["unclaimed"] = TaskScope.Unclaimed };
    private static readonly Dictionary<string, InboxDue> DueWindows = new(StringComparer.OrdinalIgnoreCase)
        { ["overdue"] = InboxDue.Overdue, ["today"] = InboxDue.Today, ["week"] = InboxDue.ThisWeek };
    private static readonly Dictionary<string, TaskSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
        { ["created"] = TaskSort.Created, ["due"] = TaskSort.Due };
    private static readonly Dictionary<string, bool> Orders = new(StringComparer.OrdinalIgnoreCase)
        { ["asc"] = false, ["desc"] = true };

    /// <summary>The engine's query, or the first parameter that is wrong and why.</summary>
    public (InboxQuery? Query, string Field, string Error) Read(int countStep)
    {
        if (Limit is < 1 or > InboxQuery.MaxPageSize) return Wrong("limit", $"Use 1 to {InboxQuery.MaxPageSize}.");
        if (Offset < 0) return Wrong("offset", "Use 0 or more.");
        if (Q?.Length > InboxQuery.MaxTextLength) return Wrong("q", $"Use at most {InboxQuery.MaxTextLength} characters.");
        if (!TryPick(Scopes, Scope, TaskScope.All, out var scope)) return Wrong("scope", "Use all, mine or unclaimed.");
        if (!TryPick(DueWindows, Due, InboxDue.Any, out var due)) return Wrong("due", "Use overdue, today or week.");
        if (!TryPick(Sorts, Sort, TaskSort.Created, out var sort)) return Wrong("sort", "Use created or due.");
        if (!TryPick(Orders, Order, false, out var descending)) return Wrong("order", "Use asc or desc.");
        var exact = string.Equals(Count, "exact", StringComparison.OrdinalIgnoreCase);
        if (!exact && !string.IsNullOrEmpty(Count)) return Wrong("count", "Use exact, or leave it out to count up to the next step (Inbox:CountStep, 1000 by default).");
        return (new InboxQuery
        {
            InstanceId = InstanceId, PageSize = Limit ?? 100, Offset = Offset ?? 0, Scope = scope, Process = Process,
            Due = due, Text = Q, Sort = sort, Descending = descending, CountInStepsOf = exact ? null : countStep,
        }, "", "");
    }

    private static (InboxQuery?, string, string) Wrong(string field, string error) => (null, field, error);

    private static bool TryPick<T>(Dictionary<string, T> choices, string? given, T fallback, out T value)
    {
        value = fallback;
        return string.IsNullOrEmpty(given) || choices.TryGetValue(given, out value!);
    }
}
