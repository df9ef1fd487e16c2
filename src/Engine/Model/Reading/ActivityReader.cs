using System.Xml;
using System.Xml.Linq;
using static RJH.DeviceWorkflows.Engine.Model.Reading.ReadContext;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>Reads tasks, sub-processes and call activities with their mappings and multi-instance marker.</summary>
internal sealed class ActivityReader(ReadContext ctx)
{
    private static readonly string[] ScriptFormats = ["javascript", "js", "ecmascript", "text/javascript", "application/javascript"];

    /// <summary>The node, or null when the activity was refused (the reasons are reported).</summary>
    public Activity? Read(XElement e, string id, string? scopeId)
    {
        var before = ctx.Count;
        var name = Attr(e, "name");
        var line = Line(e);
        CheckCommon(e, id);
        var multiInstance = ReadMultiInstance(e, id);
        var inputs = ReadMappings(e, id, "input");
        var outputs = ReadMappings(e, id, "output");
        Activity? activity = e.Name.LocalName switch
        {
            "serviceTask" => ReadServiceTask(e, id, name, scopeId, line, TaskKind.Service),
            "sendTask" => ReadServiceTask(e, id, name, scopeId, line, TaskKind.Send),
            "businessRuleTask" => ReadServiceTask(e, id, name, scopeId, line, TaskKind.BusinessRule),
            "scriptTask" => ReadScriptTask(e, id, name, scopeId, line),
            "userTask" => ReadUserTask(e, id, name, scopeId, line),
            "callActivity" => ReadCallActivity(e, id, name, scopeId, line),
            _ => new SubProcess(id, name, scopeId, line),
        };
        if (activity is null || ctx.Count != before) return null;
        return activity with { MultiInstance = multiInstance, Inputs = inputs, Outputs = outputs };
    }

    private void CheckCommon(XElement e, string id)
    {
        if (ctx.Bool(e, "isForCompensation", fallback: false, id))
            ctx.Report(id, e, "Compensation activities (isForCompensation=\"true\") are not supported by the engine");
        // The runtime has no notion of an activity's default flow; an exclusive gateway says the same thing.
        if (Attr(e, "default") is not null)
            ctx.Report(id, e, "A default flow on an activity is not supported; use an exclusive gateway after it");
        foreach (var loop in e.Elements(BpmnNames.StandardLoop))
            ctx.Report(id, loop, "Element type 'bpmn:standardLoopCharacteristics' is not supported by the engine");
    }

    private ServiceTask? ReadServiceTask(XElement e, string id, string? name, string? scopeId, int line, TaskKind kind)
    {
        var type = RjhAttr(e, "activity");
        if (type is null)
        {
            ctx.Report(id, e, $"{BpmnNames.Display(e)} needs rjh:activity naming the activity type it runs");
            return null;
        }
        if (ctx.Options.IsKnownActivity is { } known && !Known(known, type))
        {
            ctx.Report(id, e, $"Activity type '{type}' (rjh:activity) is not known");
            return null;
        }
        return new ServiceTask(id, name, scopeId, line, kind, type);
    }

    private static bool Known(Func<string, bool> known, string type)
    {
        try { return known(type); }
        catch (Exception) { return false; }
    }

    private ScriptTask? ReadScriptTask(XElement e, string id, string? name, string? scopeId, int line)
    {
        var format = Attr(e, "scriptFormat");
        if (format is not null && !ScriptFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            ctx.Report(id, e, $"Script format '{format}' is not supported; scripts are JavaScript");
            return null;
        }
        var script = e.Element(BpmnNames.Script)?.Value;
        if (string.IsNullOrWhiteSpace(script))
        {
            ctx.Report(id, e, "The script task has no script");
            return null;
        }
        ctx.CheckScript(id, e.Element(BpmnNames.Script)!, script);
        return new ScriptTask(id, name, scopeId, line, script);
    }

    private UserTask ReadUserTask(XElement e, string id, string? name, string? scopeId, int line)
    {
        var assignee = RjhAttr(e, "assignee");
        if (assignee is not null) ctx.CheckExpression(id, e, "rjh:assignee", assignee);
        var dueIn = RjhAttr(e, "dueIn");
        if (dueIn is not null && !IsDuration(dueIn))
            ctx.Report(id, e, $"rjh:dueIn '{dueIn}' is not an ISO-8601 duration (e.g. P3D, PT4H)");
        return new UserTask(id, name, scopeId, line)
        {
            Assignee = assignee,
            CandidateRoles = SplitList(RjhAttr(e, "candidateRoles")),
            FormKey = RjhAttr(e, "formKey"),
            DueIn = dueIn,
        };
    }

    private static bool IsDuration(string text)
    {
        try { XmlConvert.ToTimeSpan(text); return true; }
        catch (Exception ex) when (ex is FormatException or OverflowException) { return false; }
    }

    private CallActivity? ReadCallActivity(XElement e, string id, string? name, string? scopeId, int line)
    {
        var called = Attr(e, "calledElement");
        if (called is null)
        {
            ctx.Report(id, e, "A call activity needs calledElement naming the process it calls");
            return null;
        }
        return new CallActivity(id, name, scopeId, line, called);
    }

    private MultiInstance? ReadMultiInstance(XElement e, string id)
    {
        var mi = e.Element(BpmnNames.MultiInstance);
        if (mi is null) return null;
        var sequential = ctx.Bool(mi, "isSequential", fallback: false, id);
        var collection = RjhAttr(mi, "collection");
        var element = RjhAttr(mi, "elementVariable");
        var outputCollection = RjhAttr(mi, "outputCollection");
        var outputElement = RjhAttr(mi, "outputElement");
        if (collection is null)
            ctx.Report(id, mi, "Multi-instance needs rjh:collection (an expression yielding the items); loopCardinality alone is not supported");
        else
            ctx.CheckExpression(id, mi, "rjh:collection", collection);
        if (element is null)
            ctx.Report(id, mi, "Multi-instance needs rjh:elementVariable (the variable that holds each item)");
        else if (!IsIdentifier(element))
            ctx.Report(id, mi, $"rjh:elementVariable '{element}' is not a valid variable name");
        if (outputCollection is not null && !IsIdentifier(outputCollection))
            ctx.Report(id, mi, $"rjh:outputCollection '{outputCollection}' is not a valid variable name");
        if (outputElement is not null)
            ctx.CheckExpression(id, mi, "rjh:outputElement", outputElement);
        if (mi.Element(BpmnNames.Bpmn + "completionCondition") is { } completion)
            ctx.Report(id, completion, "A multi-instance completionCondition is not supported by the engine");
        if (collection is null || element is null) return null;
        return new MultiInstance(sequential, collection, element)
        {
            OutputCollection = outputCollection,
            OutputElement = outputElement,
        };
    }

    private IReadOnlyList<Mapping> ReadMappings(XElement e, string id, string kind)
    {
        var result = new List<Mapping>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = e.Elements(BpmnNames.ExtensionElements).Elements(BpmnNames.Rjh + kind);
        foreach (var item in items)
        {
            var name = Attr(item, "name");
            if (name is null)
            {
                ctx.Report(id, item, $"rjh:{kind} needs a name");
                continue;
            }
            if (!seen.Add(name))
            {
                ctx.Report(id, item, $"rjh:{kind} '{name}' is given twice");
                continue;
            }
            // The designer keeps a row for every declared input; an empty one means "not given".
            var expression = Attr(item, "expression");
            if (expression is null) continue;
            ctx.CheckExpression(id, item, $"rjh:{kind} '{name}'", expression);
            result.Add(new Mapping(name, expression));
        }
        return result;
    }
}
