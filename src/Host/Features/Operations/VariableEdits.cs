using System.Text.Json;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Features.Operations;

/// <summary>One changed variable an admin types before retrying or resolving an incident.</summary>
public sealed class VariableEdit
{
    public string Name { get; set; } = "";
    /// <summary>JSON (42, true, {"a": 1}, "text"), or plain text taken as a string.</summary>
    public string Value { get; set; } = "";
    public string? NameError { get; set; }
}

/// <summary>Turns the typed rows into the variables merged into the instance. Only the rows typed: nothing masked is written back.</summary>
public static class VariableEdits
{
    public const int MaxNameLength = 100;

    /// <summary>The variables to merge; null when a row has a bad name (each such row gets its <see cref="VariableEdit.NameError"/>).</summary>
    public static JsonObject? Build(IEnumerable<VariableEdit> rows, string badName, string duplicateName)
    {
        var variables = new JsonObject();
        var valid = true;
        foreach (var row in rows)
        {
            row.NameError = null;
            var name = row.Name.Trim();
            if (name.Length == 0 && row.Value.Trim().Length == 0) continue;
            if (!IsName(name)) row.NameError = badName;
            else if (variables.ContainsKey(name)) row.NameError = duplicateName;
            else variables[name] = Parse(row.Value);
            valid &= row.NameError is null;
        }
        return valid ? variables : null;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength && (char.IsLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static JsonNode? Parse(string text)
    {
        var trimmed = text.Trim();
        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(trimmed);
        }
    }
}
