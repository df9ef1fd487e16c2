using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Facts;

/// <summary>
/// Enums as their names only, never numbers, with an error that lists the allowed names:
/// a process owner testing a rule in the simulator should see "Fone is not one of Phone, …".
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

internal sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly string Allowed = string.Join(", ", Enum.GetNames<T>());

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected one of {Allowed} as a string, found {Describe(reader.TokenType)}.");
        var text = reader.GetString();
        // Numeric strings would parse as enum values; only the names are facts.
        if (text is { Length: > 0 } && !char.IsDigit(text[0]) && text[0] != '-'
            && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
            return value;
        throw new JsonException($"'{text}' is not one of {Allowed}.");
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
