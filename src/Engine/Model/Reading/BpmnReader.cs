using System.Text;
using System.Xml;
using System.Xml.Linq;
using RJH.DeviceWorkflows.Data;
using static RJH.DeviceWorkflows.Engine.Model.Reading.ReadContext;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// Turns a BPMN 2.0 file into a <see cref="ProcessModel"/>, or into diagnostics that name every
/// element the engine cannot run, with its line. Never throws: uploads come from users.
/// </summary>
public static class BpmnReader
{
    public static ReadResult Read(string xml, BpmnReaderOptions? options = null)
    {
        options ??= new BpmnReaderOptions();
        try
        {
            return ReadCore(xml, options);
        }
        catch (Exception ex)
        {
            // A bug of ours or a callback that misbehaved; the caller still gets a refusal, not a crash.
            return Fail(new Diagnostic(null, 0, $"The BPMN file could not be read: {ex.Message}"));
        }
    }

    private static ReadResult ReadCore(string? xml, BpmnReaderOptions options)
    {
        if (xml is null)
            return Fail(new Diagnostic(null, 0, "No BPMN content was given"));
        if (xml.Length > options.MaxBytes || Encoding.UTF8.GetByteCount(xml) > options.MaxBytes)
            return Fail(new Diagnostic(null, 0, $"The BPMN file is larger than {options.MaxBytes} bytes"));

        XDocument document;
        try
        {
            if (TextBounds.CheckXml(xml, ReaderSettings(options)) is { } tooDeep)
                return Fail(new Diagnostic(null, 0, tooDeep));
            document = Parse(xml, options);
        }
        catch (XmlException ex)
        {
            return Fail(XmlFault(xml, ex));
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Definitions)
            return Fail(new Diagnostic(Attr(root, "id"), Line(root),
                $"The root element is '{root.Name.LocalName}', not bpmn:definitions of namespace {BpmnNames.Bpmn.NamespaceName}"));

        var ctx = new ReadContext(options, root);
        var process = ChooseProcess(ctx, root);
        if (process is null) return new ReadResult(null, Sorted(ctx));
        var processId = Attr(process, "id");
        if (processId is null)
        {
            ctx.Report(null, process, "bpmn:process has no id");
            return new ReadResult(null, Sorted(ctx));
        }

        var walker = new ProcessWalker(ctx, processId);
        walker.Walk(process, scopeId: null);
        new StructureValidator(ctx, walker.Graph, processId, process).Validate();
        if (ctx.Count > 0) return new ReadResult(null, Sorted(ctx));

        var startCondition = RjhAttr(process, "startCondition");
        if (startCondition is not null) ctx.CheckExpression(processId, process, "rjh:startCondition", startCondition);
        if (ctx.Count > 0) return new ReadResult(null, Sorted(ctx));

        var model = new ProcessModel(processId, Attr(process, "name"), SplitList(RjhAttr(process, "starterRoles")),
            walker.Graph.Nodes.Select(n => n.Node!),
            walker.Graph.Flows.Select(f => new SequenceFlow(f.Id, f.SourceId!, f.TargetId!, f.Condition, f.Line) { Name = f.Name }))
        {
            StartCondition = startCondition,
        };
        return new ReadResult(model, []);
    }

    private static XDocument Parse(string xml, BpmnReaderOptions options)
    {
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings(options));
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    private static XmlReaderSettings ReaderSettings(BpmnReaderOptions options) => new()
    {
        // No DTD means no entity expansion and no external fetches (XXE, billion laughs).
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = options.MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static Diagnostic XmlFault(string xml, XmlException ex)
    {
        if (!ex.Message.Contains("DTD", StringComparison.Ordinal))
            return new Diagnostic(null, Math.Max(1, ex.LineNumber), $"The file is not well-formed XML: {ex.Message}");
        // The parser refuses a DTD without saying where it is; the user needs the line.
        var at = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        var line = at < 0 ? Math.Max(1, ex.LineNumber) : xml.AsSpan(0, at).Count('\n') + 1;
        return new Diagnostic(null, line, "DOCTYPE declarations (DTDs) are not allowed in BPMN files");
    }

    /// <summary>
    /// A file may hold several pools (collaboration). The engine runs one process per file: the one
    /// marked executable, or the only one there is.
    /// </summary>
    private static XElement? ChooseProcess(ReadContext ctx, XElement definitions)
    {
        var processes = definitions.Elements(BpmnNames.Process).ToList();
        if (processes.Count == 0)
        {
            ctx.Report(Attr(definitions, "id"), definitions, "The file contains no bpmn:process");
            return null;
        }
        var executable = processes.Where(p => Attr(p, "isExecutable") is "true" or "1").ToList();
        if (executable.Count == 1) return executable[0];
        if (executable.Count > 1)
        {
            var ids = string.Join(", ", executable.Select(p => Attr(p, "id") ?? "(no id)"));
            foreach (var p in executable)
                ctx.Report(Attr(p, "id"), p, $"Several processes are marked isExecutable=\"true\" ({ids}); the engine runs one process per file");
            return null;
        }
        if (processes.Count == 1) return processes[0];
        var all = string.Join(", ", processes.Select(p => Attr(p, "id") ?? "(no id)"));
        ctx.Report(Attr(definitions, "id") ?? Attr(processes[0], "id"), definitions,
            $"The file holds {processes.Count} processes ({all}) and none is marked isExecutable=\"true\"; mark the one the engine should run");
        return null;
    }

    private static IReadOnlyList<Diagnostic> Sorted(ReadContext ctx) => [.. ctx.Diagnostics.OrderBy(d => d.Line)];

    private static ReadResult Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
