using System.Text.Json;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Turns the workflow's JSON into values Fluid reads natively: objects become dictionaries (so
/// <c>{{ device.model }}</c> works without registering types), arrays lists, numbers decimals.
/// </summary>
internal static class FluidModel
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(From).ToList(),
        JsonValue v => Scalar(v),
        _ => node.ToJsonString(),
    };

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.TryGetValue<decimal>(out var d) ? d : value.GetValue<double>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
