using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>Reads a table's JSON strictly: camelCase, no unknown fields, no duplicates, bounded depth.</summary>
internal static class TableReader
{
    private static readonly JsonSerializerOptions Options = Strict(maxDepth: 16);

    /// <summary>What people write and the API stores: camelCase, no unknown fields, no duplicates, no null where a value is needed.</summary>
    public static JsonSerializerOptions Strict(int maxDepth) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // "condtion" must not be read as "no condition" and match everything.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        MaxDepth = maxDepth,
    };

    public static DecisionTable? Read(string json, List<PolicyRuleError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = Options.MaxDepth });
        }
        catch (JsonException e)
        {
            errors.Add(new(PolicyRuleError.Table, $"Not valid JSON: {e.Message}"));
            return null;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(PolicyRuleError.Table, "The table must be a JSON object."));
                return null;
            }
            try
            {
                return document.RootElement.Deserialize<DecisionTable>(Options);
            }
            catch (JsonException e)
            {
                errors.Add(new(PolicyRuleError.Table, Describe(e)));
                return null;
            }
        }
    }

    private static string Describe(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return $"'{Last(path)}' at {path} is not part of a decision table.";
        if (message.Contains("missing required properties", StringComparison.Ordinal))
            return $"A required field is missing at {path}: {message[(message.LastIndexOf(':') + 1)..].Trim().TrimEnd('.')}.";
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase))
            return $"The value at {path} may not be null.";
        return $"The value at {path} has the wrong kind (a string, a list or an object is expected there).";
    }

    private static string Last(string path) => path[(path.LastIndexOfAny(['.', '[']) + 1)..].TrimEnd(']').Trim('\'');
}
