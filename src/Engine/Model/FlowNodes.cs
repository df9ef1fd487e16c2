namespace RJH.DeviceWorkflows.Engine.Model;

/// <summary>Any node a token can be at. Records keep the model immutable.</summary>
public abstract record FlowNode(string Id, string? Name, string? ScopeId, int Line)
{
    /// <summary>Display name, falling back to the id.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name!;
}

public enum EventTriggerKind { None, Message, Timer, Error, Terminate }

/// <summary>What an event waits for or throws.</summary>
public sealed record EventTrigger(EventTriggerKind Kind)
{
    /// <summary>Message name (bpmn:message/@name) for message triggers.</summary>
    public string? MessageName { get; init; }
    /// <summary>Expression yielding the correlation key (<c>rjh:correlationKey</c>).</summary>
    public string? CorrelationKey { get; init; }
    public TimerDefinition? Timer { get; init; }
    /// <summary>Error code (bpmn:error/@errorCode); null on a catch = catch every error.</summary>
    public string? ErrorCode { get; init; }

    public static readonly EventTrigger None = new(EventTriggerKind.None);
}

public enum TimerKind { Date, Duration, Cycle }

/// <summary>A BPMN timer: the text is ISO-8601 or, failing that, an expression yielding it.</summary>
public sealed record TimerDefinition(TimerKind Kind, string Text);

public sealed record StartEvent(string Id, string? Name, string? ScopeId, int Line, EventTrigger Trigger)
    : FlowNode(Id, Name, ScopeId, Line);

public sealed record EndEvent(string Id, string? Name, string? ScopeId, int Line, EventTrigger Trigger)
    : FlowNode(Id, Name, ScopeId, Line);

/// <summary>Intermediate catch event: timer or message.</summary>
public sealed record CatchEvent(string Id, string? Name, string? ScopeId, int Line, EventTrigger Trigger)
    : FlowNode(Id, Name, ScopeId, Line);

public sealed record BoundaryEvent(string Id, string? Name, string? ScopeId, int Line, EventTrigger Trigger,
    string AttachedToId, bool CancelActivity) : FlowNode(Id, Name, ScopeId, Line);

public enum GatewayKind { Exclusive, Parallel, Inclusive, EventBased }

public sealed record Gateway(string Id, string? Name, string? ScopeId, int Line, GatewayKind Kind, string? DefaultFlowId)
    : FlowNode(Id, Name, ScopeId, Line);

/// <summary>A name/expression pair from <c>rjh:input</c> or <c>rjh:output</c>.</summary>
public sealed record Mapping(string Name, string Expression);

/// <summary>Multi-instance marker with our <c>rjh:</c> attributes.</summary>
public sealed record MultiInstance(bool Sequential, string Collection, string ElementVariable)
{
    /// <summary>Variable that receives the array of each iteration's output.</summary>
    public string? OutputCollection { get; init; }
    /// <summary>Expression evaluated in an iteration when it ends; default: that iteration's own variables.</summary>
    public string? OutputElement { get; init; }
}

/// <summary>Everything a token does work at (tasks, sub-processes, call activities).</summary>
public abstract record Activity(string Id, string? Name, string? ScopeId, int Line) : FlowNode(Id, Name, ScopeId, Line)
{
    public MultiInstance? MultiInstance { get; init; }
    public IReadOnlyList<Mapping> Inputs { get; init; } = [];
    public IReadOnlyList<Mapping> Outputs { get; init; } = [];
}

public enum TaskKind { Service, Send, BusinessRule }

/// <summary>Service, send and business rule tasks: they run an activity type (<c>rjh:activity</c>).</summary>
public sealed record ServiceTask(string Id, string? Name, string? ScopeId, int Line, TaskKind Kind, string ActivityType)
    : Activity(Id, Name, ScopeId, Line);

public sealed record ScriptTask(string Id, string? Name, string? ScopeId, int Line, string Script)
    : Activity(Id, Name, ScopeId, Line);

public sealed record UserTask(string Id, string? Name, string? ScopeId, int Line) : Activity(Id, Name, ScopeId, Line)
{
    /// <summary>Expression yielding a user name.</summary>
    public string? Assignee { get; init; }
    public IReadOnlyList<string> CandidateRoles { get; init; } = [];
    public string? FormKey { get; init; }
    /// <summary>ISO-8601 duration until the task is due.</summary>
    public string? DueIn { get; init; }
}

public sealed record SubProcess(string Id, string? Name, string? ScopeId, int Line) : Activity(Id, Name, ScopeId, Line);

public sealed record CallActivity(string Id, string? Name, string? ScopeId, int Line, string CalledElement)
    : Activity(Id, Name, ScopeId, Line);
