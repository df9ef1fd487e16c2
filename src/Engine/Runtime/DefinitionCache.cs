using System.Collections.Concurrent;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Expressions;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Model.Reading;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// Parsed process models by key and version. Every stored version is immutable, so a model
/// read once serves every later command without parsing the XML again.
/// </summary>
public sealed class DefinitionCache(ActivityCatalog catalog, ExpressionEvaluator expressions)
{
    private readonly ConcurrentDictionary<(string Key, int Version), ProcessModel> models = new();

    public BpmnReaderOptions ReaderOptions => new()
    {
        IsKnownActivity = catalog.Contains,
        CheckExpression = expressions.CheckExpression,
        CheckScript = expressions.CheckScript,
    };

    /// <summary>Reads and validates a BPMN file for deployment.</summary>
    public ReadResult Read(string xml) => BpmnReader.Read(xml, ReaderOptions);

    /// <summary>The model when this version has been read before; null means its record must be loaded.</summary>
    public ProcessModel? TryGet(string key, int version) => models.GetValueOrDefault((key, version));

    public ProcessModel Get(DefinitionRecord definition) =>
        models.GetOrAdd((definition.Key, definition.Version), _ =>
        {
            var result = Read(definition.Xml);
            // A stored version passed validation when deployed; failing now means an activity type was removed.
            return result.Model ?? throw new InvalidOperationException(
                $"Stored definition {definition.Key} v{definition.Version} no longer reads: {string.Join("; ", result.Diagnostics)}");
        });
}
