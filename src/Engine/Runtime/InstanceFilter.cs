using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>What one page of the instance list shows; newest first. Dates are days in the engine's time zone.</summary>
public sealed record InstanceFilter
{
    public const int MaxPageSize = 500;
    public const int MaxTextLength = 100;

    /// <summary>A process (definition) key.</summary>
    public string? Process { get; init; }
    /// <summary>A version of <see cref="Process"/>.</summary>
    public int? Version { get; init; }
    public InstanceStatus? Status { get; init; }
    /// <summary>Part of the business key, exact case.</summary>
    public string? BusinessKey { get; init; }
    /// <summary>Who started it, or a value in its variables (an employee id or name), exact case.</summary>
    public string? Person { get; init; }
    /// <summary>Started on or after this day.</summary>
    public DateOnly? StartedFrom { get; init; }
    /// <summary>Started on or before this day.</summary>
    public DateOnly? StartedTo { get; init; }
    public int Offset { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <param name="StatusCounts">Per status (its name), how many match every filter but the status.</param>
public sealed record InstancePage(IReadOnlyList<InstanceView> Instances, int Total, IReadOnlyDictionary<string, int> StatusCounts);
