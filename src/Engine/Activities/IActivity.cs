using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Engine.Activities;

/// <summary>
/// Work a service, send or business rule task performs. One small class per activity type,
/// described by <see cref="ActivityAttribute"/>. Throw <see cref="BpmnErrorException"/> for a
/// business error the model can catch; any other exception is a technical failure (incident).
/// </summary>
public interface IActivity
{
    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct);
}

/// <param name="IdempotencyKey">Stable per activity execution (instance + token + attempt-free); pass it to outside systems.</param>
public sealed record ActivityContext(
    Guid InstanceId,
    string? BusinessKey,
    string ElementId,
    string IdempotencyKey,
    IReadOnlyDictionary<string, JsonNode?> Inputs)
{
    public JsonNode? Input(string name) => Inputs.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Named results; output mappings see them as <c>result</c>.</summary>
public sealed record ActivityResult(IReadOnlyDictionary<string, JsonNode?> Outputs)
{
    public static readonly ActivityResult Empty = new(new Dictionary<string, JsonNode?>());

    /// <summary>Variables the activity sets itself, besides what the model's output mappings take from <see cref="Outputs"/>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>A short line for the instance's journal (e.g. which rule set version decided and why); never form contents or personal data.</summary>
    public string? JournalNote { get; init; }
}

public enum ActivityExecution { Inline, Job }

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The value of <c>rjh:activity</c> in BPMN.</summary>
    public string Type { get; } = type;
    public string Category { get; init; } = "General";
    public string DisplayNameSv { get; init; } = type;
    public string DisplayNameEn { get; init; } = type;
    /// <summary>Inline = pure, runs in the command's transaction; Job = calls an outside system.</summary>
    public ActivityExecution Execution { get; init; } = ActivityExecution.Inline;
    public string DescriptionSv { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
}

/// <summary>A BPMN error with a code, caught by an error boundary event with that code (or none).</summary>
public sealed class BpmnErrorException(string code, string? message = null)
    : Exception(message ?? $"BPMN error '{code}'.")
{
    public string Code { get; } = code;
}

/// <summary>
/// A job activity that must not run yet (e.g. a non-urgent mail outside the recipient's working hours)
/// throws this: the job waits on a timer until <see cref="Until"/> and then runs again with the same
/// idempotency key. No attempt is counted. The timer is a row in the database, so it survives a restart.
/// </summary>
public sealed class ActivityDeferredException(DateTimeOffset until, string reason)
    : Exception($"Deferred until {until:O}: {reason}")
{
    public DateTimeOffset Until { get; } = until;
    public string Reason { get; } = reason;
}
