using System.Security;
using System.Xml;
using System.Xml.Linq;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Host.Features.Designer;

/// <summary>One version of a process as the designer lists it.</summary>
public sealed record DesignVersion(int Version, bool Published, bool Live, DateTimeOffset DeployedAt, string DeployedBy,
    DateTimeOffset? PublishedAt, int RunningInstances);

/// <summary>A process with its versions, newest first.</summary>
public sealed record ProcessDesign(string Key, string? Name, int LatestVersion, int? LiveVersion, IReadOnlyList<DesignVersion> Versions);

/// <summary>What a save gave: the new draft version, or why nothing was stored.</summary>
public sealed record DesignSaveResult(DefinitionVersionView? Saved, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The designer's use of the engine: the same reader that deploying uses checks every save (and the model while
/// it is drawn), so the designer never accepts what a deployment would refuse; storing goes through
/// <see cref="IWorkflowEngine.DeployAsync"/>, which checks the caller's role itself.
/// </summary>
public sealed class ProcessDesigns(IWorkflowEngine engine, IWorkflowQueries queries, IWorkflowStore store,
    DefinitionCache reader, ILogger<ProcessDesigns> logger)
{
    /// <summary>Beyond this many running instances of one process the counts say "at least" (the query is bounded).</summary>
    public const int MaxCountedInstances = 10_000;

    public async Task<IReadOnlyList<ProcessDesign>> ListAsync(CancellationToken ct = default)
    {
        var definitions = await queries.ListDefinitionsAsync(ct);
        var designs = new List<ProcessDesign>(definitions.Count);
        foreach (var definition in definitions) designs.Add(await DesignOfAsync(definition, ct));
        return designs;
    }

    public async Task<ProcessDesign?> FindAsync(string key, CancellationToken ct = default) =>
        await queries.GetDefinitionAsync(key, ct) is { } definition ? await DesignOfAsync(definition, ct) : null;

    public Task<string?> XmlAsync(string key, int version, CancellationToken ct = default) =>
        queries.GetDefinitionXmlAsync(key, version, ct);

    /// <summary>The engine's diagnostics for <paramref name="xml"/>, plus one if the file is another process than <paramref name="key"/>.</summary>
    public IReadOnlyList<Diagnostic> Check(string key, string xml)
    {
        var read = reader.Read(xml);
        var diagnostics = read.Diagnostics.ToList();
        if (read.Model is { } model && model.Key != key)
            diagnostics.Add(new Diagnostic(model.Key, 0, $"The process id must stay '{key}' (it is the process key); it is '{model.Key}'."));
        return diagnostics;
    }

    /// <summary>Stores a valid model as a new draft version; an invalid one is not stored at all.</summary>
    public async Task<DesignSaveResult> SaveAsync(string key, string xml, Caller caller, CancellationToken ct = default)
    {
        var diagnostics = Check(key, xml);
        if (diagnostics.Count > 0) return new DesignSaveResult(null, diagnostics);
        try
        {
            return new DesignSaveResult(await engine.DeployAsync(xml, publish: false, caller, ct), []);
        }
        catch (InvalidDefinitionException e)
        {
            return new DesignSaveResult(null, e.Diagnostics);
        }
    }

    /// <summary>Makes a version live. The note goes to the log (the engine keeps no publishing notes yet).</summary>
    public async Task<DefinitionVersionView> PublishAsync(string key, int version, string? note, Caller caller, CancellationToken ct = default)
    {
        var published = await engine.PublishAsync(key, version, caller, ct);
        logger.LogInformation("{User} published {Key} v{Version}: {Note}", caller.UserName, key, version, note ?? "");
        return published;
    }

    /// <summary>The process id a BPMN file declares (its first process), or null when it is not BPMN at all.</summary>
    public static string? KeyOf(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root;
            var bpmn = root?.Name.Namespace;
            return root?.Elements(bpmn! + "process").Select(p => (string?)p.Attribute("id")).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A new process: one start event, ready to draw on.</summary>
    public static string BlankXml(string key, string name) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:rjh="urn:rjh:device-workflows:1" id="Definitions_{Escape(key)}" targetNamespace="urn:rjh:workflows">
          <bpmn:process id="{Escape(key)}" name="{Escape(name)}" isExecutable="true">
            <bpmn:startEvent id="start" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_{Escape(key)}">
            <bpmndi:BPMNPlane id="Plane_{Escape(key)}" bpmnElement="{Escape(key)}">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    private static string Escape(string value) => SecurityElement.Escape(value);

    private async Task<ProcessDesign> DesignOfAsync(DefinitionSummaryView definition, CancellationToken ct)
    {
        var running = (await store.ListInstancesAsync(
                new InstanceQuery(definition.Key, InstanceStatus.Running, Max: MaxCountedInstances), ct))
            .GroupBy(i => i.DefinitionVersion).ToDictionary(g => g.Key, g => g.Count());
        var versions = definition.Versions.OrderByDescending(v => v.Version)
            .Select(v => new DesignVersion(v.Version, v.Published, v.Version == definition.PublishedVersion, v.DeployedAt,
                v.DeployedBy, v.PublishedAt, running.GetValueOrDefault(v.Version)))
            .ToList();
        return new ProcessDesign(definition.Key, definition.Name, definition.LatestVersion, definition.PublishedVersion, versions);
    }
}
