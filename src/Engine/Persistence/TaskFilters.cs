using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Inbox filters as SQL-translatable predicates. Roles are matched with one OR term per role the user holds
/// (",Manager," in ",Clerk,Manager,") rather than a subquery over a role list, so the database checks each
/// row with a few string searches instead of a nested query.
/// </summary>
internal static class TaskFilters
{
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>Tasks the user may work, narrowed to those assigned to them or those open to their roles.</summary>
    public static Expression<Func<UserTaskRecord, bool>> Visible(string user, IEnumerable<string>? roles, TaskScope scope = TaskScope.All)
    {
        var task = Expression.Parameter(typeof(UserTaskRecord), "t");
        var assignee = Expression.Property(task, nameof(UserTaskRecord.Assignee));
        var mine = Expression.Equal(assignee, Parameter(user));
        var wrapped = Expression.Call(Concat, Expression.Constant(","), Expression.Property(task, nameof(UserTaskRecord.CandidateRoles)), Expression.Constant(","));
        var roleMatch = CandidateRoles.SearchTerms(roles)
            .Select(term => (Expression)Expression.Call(wrapped, Contains, Parameter(term)))
            .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
        var unclaimed = Expression.AndAlso(Expression.Equal(assignee, Expression.Constant(null, typeof(string))), roleMatch);
        Expression body = scope switch
        {
            TaskScope.Mine => mine,
            TaskScope.Unclaimed => unclaimed,
            _ => Expression.OrElse(mine, unclaimed),
        };
        return Expression.Lambda<Func<UserTaskRecord, bool>>(body, task);
    }

    public static IQueryable<UserTaskRecord> Apply(IQueryable<UserTaskRecord> tasks, TaskSearch search)
    {
        tasks = tasks.Where(t => t.Status == UserTaskStatus.Open).Where(Visible(search.User, search.Roles, search.Scope));
        if (search.InstanceId is { } instanceId)
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        if (search.DefinitionKey is { } key)
            tasks = tasks.Where(t => t.DefinitionKey == key);
        if (search.DueBefore is { } before)
            tasks = tasks.Where(t => EF.Property<DateTimeOffset>(t, InboxColumns.DueOrder) < before);
        if (InboxColumns.Searchable(search.Text) is { Length: > 0 } text)
            tasks = tasks.Where(t => EF.Property<string>(t, InboxColumns.SearchText).Contains(text));
        return tasks;
    }

    /// <summary>Creation time, then id, breaks ties so pages never overlap or skip.</summary>
    public static IQueryable<UserTaskRecord> Order(IQueryable<UserTaskRecord> tasks, TaskSort sort, bool descending) =>
        (sort, descending) switch
        {
            (TaskSort.Due, false) => tasks.OrderBy(t => EF.Property<DateTimeOffset>(t, InboxColumns.DueOrder)).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            (TaskSort.Due, true) => tasks.OrderByDescending(t => EF.Property<DateTimeOffset>(t, InboxColumns.DueOrder)).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            (_, false) => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            (_, true) => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        };

    // A member of a closure, as the C# compiler would make it, so EF sends the value as a parameter.
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);
}
