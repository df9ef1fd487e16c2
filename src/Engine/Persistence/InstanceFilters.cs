using System.Text.Json;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>The filters of an instance search as SQL-translatable predicates (the status is applied by the caller).</summary>
internal static class InstanceFilters
{
    public static IQueryable<InstanceRecord> Apply(IQueryable<InstanceRecord> instances, InstanceSearch search)
    {
        if (search.DefinitionKey is { } key)
            instances = instances.Where(i => i.DefinitionKey == key);
        if (search.Version is { } version)
            instances = instances.Where(i => i.DefinitionVersion == version);
        if (search.StartedBy is { } startedBy)
            instances = instances.Where(i => i.StartedBy == startedBy);
        if (search.Concerning is { } concerning)
            instances = instances.Where(i => i.StartedBy == concerning || i.StartedFor == concerning);
        if (search.BusinessKey is { } businessKey)
            instances = instances.Where(i => i.BusinessKey != null && i.BusinessKey.Contains(businessKey));
        if (search.StartedFrom is { } from)
            instances = instances.Where(i => i.StartedAt >= from);
        if (search.StartedBefore is { } before)
            instances = instances.Where(i => i.StartedAt < before);
        if (search.Person is { } person)
        {
            var stored = AsStored(person);
            instances = instances.Where(i => i.StartedBy == person || i.State.Contains(stored));
        }
        return instances;
    }

    /// <summary>
    /// The text as the instance state's JSON holds it: the serializer escapes non-ASCII letters (å as \u00E5), so
    /// "Åsa" is searched for in that form.
    /// </summary>
    private static string AsStored(string text) => JsonSerializer.Serialize(text)[1..^1];
}
