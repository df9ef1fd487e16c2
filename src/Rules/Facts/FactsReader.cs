using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Facts;

/// <summary>Reads facts JSON strictly: camelCase names, enum names, no unknown fields, no null where a value is required.</summary>
internal static class FactsReader
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt field ("hasOwnExtention") would otherwise be read as false and decide silently.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        // Two values for one fact: which one decided would depend on the parser, so neither does.
        AllowDuplicateProperties = false,
        RespectRequiredConstructorParameters = true,
        Converters = { new StrictEnumConverterFactory() },
    };

    /// <exception cref="PolicyFactsException">The facts are not an object of <typeparamref name="T"/>'s shape.</exception>
    public static T Read<T>(JsonElement facts) where T : class
    {
        if (facts.ValueKind != JsonValueKind.Object)
            throw new PolicyFactsException($"The facts must be a JSON object, not {facts.ValueKind.ToString().ToLowerInvariant()}.");
        try
        {
            return facts.Deserialize<T>(Options)
                ?? throw new PolicyFactsException("The facts must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new PolicyFactsException(Describe(e));
        }
    }

    private static string Describe(JsonException e)
    {
        // The serializer's own messages name .NET types; keep the JSON path and the part a person can act on.
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        const string unmapped = "could not be mapped to any .NET member";
        if (message.Contains(unmapped, StringComparison.Ordinal))
            return $"Unknown fact field '{LastSegment(path)}' at {path}.";
        if (message.Contains("missing required properties", StringComparison.Ordinal))
            return $"Missing required fact field at {path}: {RequiredNames(message)}.";
        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal)
            || (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.Ordinal)))
            return $"The fact at {path} may not be null.";
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return $"The fact at {path} is given twice.";
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return $"The fact at {path} has the wrong kind of value.";
        return $"Invalid fact at {path}: {message}";
    }

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        var segment = dot >= 0 ? path[(dot + 1)..] : path;
        // $['odd name'] paths come bracketed.
        return segment.Trim('[', ']', '\'');
    }

    private static string RequiredNames(string message)
    {
        var at = message.IndexOf("including:", StringComparison.Ordinal);
        return at < 0 ? "a required field is missing" : message[(at + "including:".Length)..].Trim().TrimEnd('.');
    }
}
