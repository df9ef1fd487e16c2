using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>One field an audit entry changed, as JSON text (null when the field was absent).</summary>
internal sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>What an audit entry changed: the top-level fields whose JSON differs between its before and after snapshots.</summary>
internal static class AuditChanges
{
    // Every change touches these; listing them would hide what actually changed.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "updatedAt", "assignments" };

    public static IReadOnlyList<FieldChange> Of(string? before, string? after)
    {
        var old = Parse(before);
        var now = Parse(after);
        return old.Select(p => p.Key).Union(now.Select(p => p.Key)).Where(k => !Noise.Contains(k))
            .Select(k => new FieldChange(k, Text(old[k]), Text(now[k])))
            .Where(c => c.Before != c.After).ToList();
    }

    private static JsonObject Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
