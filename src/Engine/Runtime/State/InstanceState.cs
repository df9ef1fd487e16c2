using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Engine.Runtime.State;

/// <summary>
/// The runtime's view of one instance, stored as JSON in <c>InstanceRecord.State</c>:
/// variables, tokens, the scopes tokens live in, and what each waiting token waits for.
/// Timer and message rows in the store are projections of <see cref="Waits"/>.
/// </summary>
internal sealed class InstanceState
{
    public JsonObject Variables { get; set; } = [];
    public List<Token> Tokens { get; set; } = [];
    public List<Scope> Scopes { get; set; } = [];
    public List<Wait> Waits { get; set; } = [];
    /// <summary>
    /// Variables set from the register, the work-environment records or a policy decision (who the employee and their
    /// manager are, which device and order, what the rules decided). Only the workflow's own steps may set them again.
    /// </summary>
    public SortedSet<string>? Derived { get; set; }
    /// <summary>Source of short, instance-unique ids for tokens and scopes.</summary>
    public long Sequence { get; set; }

    public string NextId(string prefix) => $"{prefix}{++Sequence}";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>UTF-8 size of the variables of the instance and of every scope in it.</summary>
    public int VariableBytes() =>
        Encoding.UTF8.GetByteCount(Variables.ToJsonString())
        + Scopes.Sum(s => s.Locals is { } v ? Encoding.UTF8.GetByteCount(v.ToJsonString()) : 0);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Json) ?? new InstanceState();
}

internal enum TokenPhase
{
    /// <summary>Just arrived at its element; the element's behaviour runs next.</summary>
    Arrived,
    /// <summary>The element is done; the token leaves through outgoing flows next.</summary>
    Completed,
    Waiting,
    /// <summary>A step failed; an incident holds the token until someone retries.</summary>
    Failed,
}

internal enum WaitReason { Task, Message, Timer, EventGateway, Join, SubProcess, MultiInstance, CallActivity, Job }

internal sealed class Token
{
    public required string Id { get; set; }
    public required string ElementId { get; set; }
    /// <summary>Scope instance the token lives in; null = the process itself.</summary>
    public string? ScopeId { get; set; }
    public TokenPhase Phase { get; set; }
    public WaitReason? WaitingFor { get; set; }
    /// <summary>Flow the token arrived through (parallel joins count these).</summary>
    public string? ArrivedVia { get; set; }
    /// <summary>The token runs one iteration of a multi-instance activity, not the marker itself.</summary>
    public bool Iteration { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? ChildInstanceId { get; set; }
    /// <summary>The called instance has an open incident, shown by one at this call activity too.</summary>
    public bool ChildIncident { get; set; }
    /// <summary>The outbox job this token waits for.</summary>
    public Guid? JobId { get; set; }
    public MultiInstanceProgress? MultiInstance { get; set; }
    /// <summary>Counts executions of activities so idempotency keys differ when an element runs again.</summary>
    public int Visit { get; set; }
}

internal sealed class MultiInstanceProgress
{
    public JsonArray Items { get; set; } = [];
    public JsonArray Outputs { get; set; } = [];
    public int Started { get; set; }
    public int Completed { get; set; }
}

internal enum ScopeKind { SubProcess, Iteration }

internal sealed class Scope
{
    public required string Id { get; set; }
    public string? ParentId { get; set; }
    public ScopeKind Kind { get; set; }
    /// <summary>The sub-process or multi-instance activity this scope belongs to.</summary>
    public required string ElementId { get; set; }
    /// <summary>The token waiting at that element for the scope to finish.</summary>
    public required string OwnerTokenId { get; set; }
    /// <summary>Variables of this scope only (an iteration's item, loopCounter and its own results).</summary>
    public JsonObject? Locals { get; set; }
    public int Index { get; set; }
}

internal enum WaitKind { Timer, Message }

/// <summary>A timer or message subscription held by a token (its element, a boundary event, or an event gateway target).</summary>
internal sealed class Wait
{
    public required Guid Id { get; set; }
    public required string TokenId { get; set; }
    /// <summary>The catch or boundary event that fires.</summary>
    public required string ElementId { get; set; }
    public WaitKind Kind { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public int? RemainingRepetitions { get; set; }
    public string? Interval { get; set; }
    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }
}
