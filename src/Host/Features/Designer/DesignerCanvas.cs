using Microsoft.JSInterop;

namespace RJH.DeviceWorkflows.Host.Features.Designer;

/// <summary>An rjh:input or rjh:output: a name and the expression that fills it.</summary>
public sealed record DesignMapping(string Name, string Expression);

/// <summary>The element selected in the modeler (or the process when nothing is), as designer.js reports it.</summary>
public sealed record DesignElement(
    string Id, string Type, string Name, bool IsProcess, string? Activity,
    IReadOnlyList<DesignMapping> Inputs, IReadOnlyList<DesignMapping> Outputs,
    string? Assignee, string? CandidateRoles, string? FormKey, string? DueIn,
    string? StarterRoles, string? StartCondition, string? CorrelationKey,
    string? EventKind, string? MessageName, string? TimerKind, string? TimerValue, bool? CancelActivity,
    string? Condition, bool IsDefaultFlow, string? CalledElement)
{
    public bool IsActivityTask => Type is "ServiceTask" or "SendTask" or "BusinessRuleTask";
    public bool IsUserTask => Type == "UserTask";
    public bool IsMessageEvent => EventKind == "MessageEventDefinition";
    public bool IsTimerEvent => EventKind == "TimerEventDefinition";
    public bool IsSequenceFlow => Type == "SequenceFlow";

    /// <summary>Tasks, sub-processes and call activities: what boundary events attach to.</summary>
    public bool IsActivity => Type.EndsWith("Task", StringComparison.Ordinal) || Type is "SubProcess" or "CallActivity";

    /// <summary>Flow nodes a sequence flow may leave: everything but end events (and flows, the process).</summary>
    public bool CanAppend => !IsProcess && (IsActivity || Type.EndsWith("Gateway", StringComparison.Ordinal)
        || Type is "StartEvent" or "IntermediateCatchEvent" or "IntermediateThrowEvent" or "BoundaryEvent");
}

/// <summary>What the properties panel adds without a mouse (designer.js' BOUNDARY_KINDS and APPENDABLE).</summary>
public static class DesignAdditions
{
    public static readonly IReadOnlyList<string> BoundaryKinds = ["reminder", "deadline", "message", "message-interrupting", "error"];

    public static readonly IReadOnlyList<string> AppendTypes =
        ["bpmn:UserTask", "bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask", "bpmn:ExclusiveGateway", "bpmn:ParallelGateway", "bpmn:EndEvent"];
}

/// <summary>An element of the diagram, for the list that selects it without a mouse.</summary>
public sealed record DesignElementItem(string Id, string Type, string Name);

public sealed record DesignOpened(IReadOnlyList<string> Warnings, IReadOnlyList<DesignElementItem> Elements);

/// <summary>One diagnostic as the canvas marks it.</summary>
public sealed record CanvasDiagnostic(string? ElementId, string Message);

/// <summary>The page's handle on designer.js: every edit is one command on bpmn-js' command stack.</summary>
public sealed class DesignerCanvas(IJSObjectReference modeler)
{
    public ValueTask<DesignOpened> OpenAsync(string xml) => modeler.InvokeAsync<DesignOpened>("open", xml);

    public ValueTask<IReadOnlyList<DesignElementItem>> ElementsAsync() => modeler.InvokeAsync<IReadOnlyList<DesignElementItem>>("elements");

    public ValueTask<DesignElement> CurrentAsync() => modeler.InvokeAsync<DesignElement>("current");

    public ValueTask SelectAsync(string id) => modeler.InvokeVoidAsync("select", id);

    /// <summary>Sets attributes (e.g. <c>name</c>, <c>rjh:assignee</c>); an empty value removes the attribute.</summary>
    public ValueTask UpdateAsync(string? id, IDictionary<string, object?> properties) => modeler.InvokeVoidAsync("update", id, properties);

    public ValueTask SetActivityAsync(string id, string? activity, IEnumerable<DesignMapping> inputs, IEnumerable<DesignMapping> outputs) =>
        modeler.InvokeVoidAsync("setActivity", id, activity ?? "", inputs, outputs);

    public ValueTask SetMessageAsync(string id, string name) => modeler.InvokeVoidAsync("setMessage", id, name);

    /// <summary>A boundary event (<see cref="DesignAdditions.BoundaryKinds"/>) on the activity, selected; its id, or null.</summary>
    public ValueTask<string?> AttachAsync(string hostId, string kind) => modeler.InvokeAsync<string?>("attach", hostId, kind);

    /// <summary>A new element (<see cref="DesignAdditions.AppendTypes"/>) after the source, connected and selected; its id, or null.</summary>
    public ValueTask<string?> AppendAsync(string sourceId, string type) => modeler.InvokeAsync<string?>("append", sourceId, type);

    public ValueTask SetTimerAsync(string id, string kind, string value) => modeler.InvokeVoidAsync("setTimer", id, kind, value);

    public ValueTask SetConditionAsync(string id, string expression) => modeler.InvokeVoidAsync("setCondition", id, expression);

    public ValueTask<string[]> ShowDiagnosticsAsync(IEnumerable<CanvasDiagnostic> diagnostics) =>
        modeler.InvokeAsync<string[]>("showDiagnostics", diagnostics);

    public async Task<string> XmlAsync(long maxBytes)
    {
        var stream = await modeler.InvokeAsync<IJSStreamReference>("xml");
        await using var read = await stream.OpenReadStreamAsync(maxBytes);
        using var reader = new StreamReader(read);
        return await reader.ReadToEndAsync();
    }

    public ValueTask DownloadAsync(string fileName, string kind) => modeler.InvokeVoidAsync("download", fileName, kind);

    public ValueTask CallAsync(string method) => modeler.InvokeVoidAsync(method);
}

/// <summary>An element that differs between two versions; <see cref="Attributes"/> for a changed one.</summary>
public sealed record ChangedElement(string Id, string Type, string Name, IReadOnlyList<string>? Attributes);

/// <summary>What bpmn-js-differ found between an older and a newer version.</summary>
public sealed record VersionChanges(IReadOnlyList<ChangedElement> Added, IReadOnlyList<ChangedElement> Removed,
    IReadOnlyList<ChangedElement> Changed, IReadOnlyList<ChangedElement> Moved);
