using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Facts;

/// <summary>
/// Enums as their names only, never numbers, with an error that lists the allowed names:
/// a process owner testing a rule in the simulator should see "Fone is not one of Phone, …". The API uses it too
/// (<paramref name="ignoreCase"/>), so a number or a combination of names can never store a value no one documented.
/// </summary>
public sealed class StrictEnumConverterFactory(bool ignoreCase = false) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert), [ignoreCase])!;
}

internal sealed class StrictEnumConverter<T>(bool ignoreCase) : JsonConverter<T> where T : struct, Enum
{
    // Error messages quote what was sent, but never more than this of it.
    private const int MaxQuoted = 40;

    private static readonly string Allowed = string.Join(", ", Enum.GetNames<T>());

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected one of {Allowed} as a string, found {Describe(reader.TokenType)}.");
        var text = reader.GetString();
        // Numeric strings would parse as enum values; only the names are facts.
        // Numeric strings and "A, B" would parse as enum values; only single names are.
        if (text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',')
            && Enum.TryParse<T>(text, ignoreCase, out var value) && Enum.IsDefined(value))
            return value;
        var quoted = text is { Length: > MaxQuoted } ? text[..MaxQuoted] + "…" : text;
        throw new JsonException($"'{quoted}' is not one of {Allowed}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };
}
