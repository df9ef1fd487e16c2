using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Inbox filters as SQL-translatable predicates. Roles are matched with one OR term per role the user holds
/// (",Manager," in the stored ",Clerk,Manager,") rather than a subquery over a role list, so the database checks
/// each row with a few string searches instead of a nested query. On PostgreSQL both the role match and the free
/// text are written as LIKE '%…%': the planner estimates a LIKE on a column from its statistics (and the search
/// text's trigram index serves it), while strpos(), what Contains becomes there, is a guess that made it sort all
/// 100,000 open tasks for a page. Elsewhere Contains stays: SQLite's LIKE ignores ASCII case, and role names must not.
/// </summary>
internal static class TaskFilters
{
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo Property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string)])!;

    /// <summary>Tasks the user may work, narrowed to those assigned to them or those open to their roles.</summary>
    public static Expression<Func<UserTaskRecord, bool>> Visible(string user, IEnumerable<string>? roles, bool patterns,
        TaskScope scope = TaskScope.All)
    {
        var task = Expression.Parameter(typeof(UserTaskRecord), "t");
        var assignee = Expression.Property(task, nameof(UserTaskRecord.Assignee));
        var mine = Expression.Equal(assignee, Parameter(user));
        var roleList = Expression.Call(Property, task, Expression.Constant(InboxColumns.RoleList));
        var roleMatch = CandidateRoles.SearchTerms(roles)
            .Select(term => Includes(roleList, term, patterns))
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

    /// <param name="patterns">Match substrings with LIKE (PostgreSQL) rather than Contains.</param>
    public static IQueryable<UserTaskRecord> Apply(IQueryable<UserTaskRecord> tasks, TaskSearch search, bool patterns)
    {
        tasks = tasks.Where(t => t.Status == UserTaskStatus.Open).Where(Visible(search.User, search.Roles, patterns, search.Scope));
        if (search.InstanceId is { } instanceId)
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        if (search.DefinitionKey is { } key)
            tasks = tasks.Where(t => t.DefinitionKey == key);
        if (search.DueBefore is { } before)
            tasks = tasks.Where(t => EF.Property<DateTimeOffset>(t, InboxColumns.DueOrder) < before);
        if (InboxColumns.Searchable(search.Text) is { Length: > 0 } text)
        {
            var task = Expression.Parameter(typeof(UserTaskRecord), "t");
            var searchText = Expression.Call(Property, task, Expression.Constant(InboxColumns.SearchText));
            tasks = tasks.Where(Expression.Lambda<Func<UserTaskRecord, bool>>(Includes(searchText, text, patterns), task));
        }
        return tasks;
    }

    private static Expression Includes(Expression column, string part, bool patterns) => patterns
        ? Expression.Call(Like, Expression.Constant(EF.Functions), column, Parameter($"%{EscapeLike(part)}%"))
        : Expression.Call(column, Contains, Parameter(part));

    // PostgreSQL's LIKE escapes with a backslash unless told otherwise.
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

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
