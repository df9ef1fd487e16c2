using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Rules;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

/// <summary>
/// The simulator's facts: a JSON object (from a test case, or a small starting point) with the values of the
/// set's fact-field inputs written into it. Computed inputs (those with an expression) are read from the
/// JSON's other fields, which the form shows as JSON.
/// </summary>
internal static class SimulatorFacts
{
    /// <summary>The inputs the form asks for: fact fields, not computed columns.</summary>
    public static IEnumerable<TableInput> Asked(IEnumerable<TableInput> inputs) => inputs.Where(i => i.Expression is null);

    public static string Starting(string set) => set == PolicySets.NotificationHours
        ? """{ "urgent": false, "recipientInWorkingTime": true }"""
        : """{ "employee": { "id": "simulated", "roles": [] }, "unit": { "id": "simulated" }, "request": { "deviceType": "Phone", "reason": "New" } }""";

    /// <summary>The value at the input's path as the form shows it, or "" when the facts lack it.</summary>
    public static string ValueOf(JsonNode? facts, string path)
    {
        var node = facts;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node switch
        {
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => "",
        };
    }

    /// <summary>The base JSON with each non-blank form value written at its input's path.</summary>
    /// <exception cref="JsonException">The base is not a JSON object.</exception>
    public static JsonElement Build(string baseJson, IEnumerable<TableInput> inputs, IReadOnlyDictionary<string, string> values)
    {
        if (JsonNode.Parse(baseJson) is not JsonObject facts) throw new JsonException("The facts must be a JSON object.");
        foreach (var input in Asked(inputs))
        {
            if (!values.TryGetValue(input.Name, out var text) || string.IsNullOrWhiteSpace(text)) continue;
            var parts = input.Name.Split('.');
            var parent = facts;
            foreach (var part in parts[..^1])
            {
                if (parent[part] is not JsonObject child) parent[part] = child = [];
                parent = child;
            }
            parent[parts[^1]] = Typed(input.Type, text.Trim());
        }
        return JsonSerializer.SerializeToElement(facts);
    }

    private static JsonNode? Typed(string type, string text) => type switch
    {
        "boolean" => JsonValue.Create(text == "true"),
        "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(text),
    };
}
