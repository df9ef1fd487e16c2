using System.Xml.Linq;
using static RJH.DeviceWorkflows.Engine.Model.Reading.ReadContext;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>Reads start, end, intermediate catch and boundary events with their triggers.</summary>
internal sealed class EventReader(ReadContext ctx)
{
    /// <summary>The node, or null when the event was refused (the reason is reported).</summary>
    public FlowNode? Read(XElement e, string id, string? scopeId)
    {
        var before = ctx.Count;
        var name = Attr(e, "name");
        var line = Line(e);
        var trigger = ReadTrigger(e, id, scopeId);
        if (trigger is null || ctx.Count != before) return null;
        return e.Name.LocalName switch
        {
            BpmnNames.StartEvent => new StartEvent(id, name, scopeId, line, trigger),
            BpmnNames.EndEvent => new EndEvent(id, name, scopeId, line, trigger),
            BpmnNames.CatchEvent => new CatchEvent(id, name, scopeId, line, trigger),
            _ => ReadBoundary(e, id, name, scopeId, line, trigger),
        };
    }

    private EventTrigger? ReadTrigger(XElement e, string id, string? scopeId)
    {
        var definitions = e.Elements().Where(BpmnNames.IsEventDefinition).ToList();
        if (definitions.Count > 1)
        {
            ctx.Report(id, e, $"{BpmnNames.Display(e)} has several event definitions; multiple and parallel events are not supported");
            return null;
        }
        var definition = definitions.SingleOrDefault();
        var kind = definition?.Name.LocalName;
        return (e.Name.LocalName, kind) switch
        {
            (BpmnNames.StartEvent, null) => EventTrigger.None,
            (BpmnNames.StartEvent, _) when scopeId is not null =>
                Refuse(id, e, "Start events inside a sub-process must be none start events (no trigger)"),
            (BpmnNames.StartEvent, "messageEventDefinition") => Message(definition!, id, e, correlates: false),
            (BpmnNames.StartEvent, "timerEventDefinition") => Timer(definition!, id),
            (BpmnNames.EndEvent, null) => EventTrigger.None,
            (BpmnNames.EndEvent, "terminateEventDefinition") => new EventTrigger(EventTriggerKind.Terminate),
            (BpmnNames.EndEvent, "errorEventDefinition") => Error(definition!, id),
            (BpmnNames.CatchEvent or BpmnNames.BoundaryEvent, null) =>
                Refuse(id, e, $"{BpmnNames.Display(e)} needs an event definition (timer or message)"),
            (BpmnNames.CatchEvent or BpmnNames.BoundaryEvent, "messageEventDefinition") => Message(definition!, id, e, correlates: true),
            (BpmnNames.CatchEvent or BpmnNames.BoundaryEvent, "timerEventDefinition") => Timer(definition!, id),
            (BpmnNames.BoundaryEvent, "errorEventDefinition") => Error(definition!, id),
            _ => Refuse(id, e, $"Event definition '{BpmnNames.Display(definition!)}' is not supported on {BpmnNames.Display(e)}"),
        };
    }

    private BoundaryEvent? ReadBoundary(XElement e, string id, string? name, string? scopeId, int line, EventTrigger trigger)
    {
        var cancel = ctx.Bool(e, "cancelActivity", fallback: true, id);
        if (trigger.Kind == EventTriggerKind.Error && !cancel)
        {
            ctx.Report(id, e, "An error boundary event must be interrupting (cancelActivity=\"true\")");
            return null;
        }
        // A missing or wrong attachedToRef is reported by the structure check, which sees every node.
        return new BoundaryEvent(id, name, scopeId, line, trigger, Attr(e, "attachedToRef") ?? "", cancel);
    }

    private EventTrigger? Message(XElement definition, string id, XElement e, bool correlates)
    {
        var reference = Attr(definition, "messageRef");
        if (reference is null)
            return Refuse(id, e, "A message event needs a messageRef naming a bpmn:message");
        var message = ctx.FindMessage(reference);
        if (message is null)
            return Refuse(id, e, $"messageRef '{reference}' names no bpmn:message");
        var key = correlates ? RjhAttr(e, "correlationKey") : null;
        if (key is not null) ctx.CheckExpression(id, e, "rjh:correlationKey", key);
        return new EventTrigger(EventTriggerKind.Message)
        {
            MessageName = Attr(message, "name") ?? Attr(message, "id"),
            CorrelationKey = key,
        };
    }

    private EventTrigger? Timer(XElement definition, string id)
    {
        var parts = definition.Elements()
            .Where(x => x.Name.Namespace == BpmnNames.Bpmn && x.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle")
            .ToList();
        if (parts.Count != 1)
            return Refuse(id, definition, "A timer needs exactly one of timeDate, timeDuration or timeCycle");
        var text = parts[0].Value.Trim();
        if (text.Length == 0)
            return Refuse(id, parts[0], $"The timer's {parts[0].Name.LocalName} is empty");
        var kind = parts[0].Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            _ => TimerKind.Cycle,
        };
        return new EventTrigger(EventTriggerKind.Timer) { Timer = new TimerDefinition(kind, text) };
    }

    private EventTrigger? Error(XElement definition, string id)
    {
        var reference = Attr(definition, "errorRef");
        if (reference is null) return new EventTrigger(EventTriggerKind.Error);
        var error = ctx.FindError(reference);
        if (error is null)
            return Refuse(id, definition, $"errorRef '{reference}' names no bpmn:error");
        return new EventTrigger(EventTriggerKind.Error) { ErrorCode = Attr(error, "errorCode") };
    }

    private EventTrigger? Refuse(string id, XElement at, string message)
    {
        ctx.Report(id, at, message);
        return null;
    }
}
