using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Due windows of the inbox, in the engine's time zone: "today" and "this week" end at local midnight.</summary>
public enum InboxDue
{
    Any,
    /// <summary>Due before now.</summary>
    Overdue,
    /// <summary>Due before tomorrow begins (overdue ones included).</summary>
    Today,
    /// <summary>Due before next Monday begins (overdue ones included).</summary>
    ThisWeek,
}

/// <summary>What one inbox page shows; the defaults are the inbox as it always was: everything, oldest first, 100.</summary>
public sealed record InboxQuery
{
    public const int MaxPageSize = 500;
    public const int MaxTextLength = 100;

    public TaskScope Scope { get; init; }
    /// <summary>A process (definition) key.</summary>
    public string? Process { get; init; }
    public InboxDue Due { get; init; }
    /// <summary>Part of the business key or of the name of the person the task concerns, any case.</summary>
    public string? Text { get; init; }
    public TaskSort Sort { get; init; }
    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int PageSize { get; init; } = 100;
    public Guid? InstanceId { get; init; }
    /// <summary>
    /// Count the matching tasks only in steps of this many (null: count them all). An exact count visits every match,
    /// which with 100,000 open tasks is most of a page's time; nobody pages through that many, and "more than 1,000"
    /// tells a person as much. The step that counts stops just past the page asked for, so paging goes on.
    /// </summary>
    public int? CountInStepsOf { get; init; }

    /// <summary>Where the count may stop: the first multiple of the step past the end of this page.</summary>
    internal int? CountUpTo => CountInStepsOf is { } step ? (Offset + PageSize) / step * step + step : null;
}

/// <param name="Capped">More than <paramref name="Total"/> tasks match: the count stopped there (<see cref="InboxQuery.CountInStepsOf"/>).</param>
public sealed record InboxPage(IReadOnlyList<TaskView> Tasks, int Total, bool Capped = false);
