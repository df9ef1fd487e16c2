using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Registry.Operations;

/// <summary>How the register writes audit snapshots and stored operation results: camelCase, enums by name, as the API.</summary>
internal static class RegisterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A stored operation result is empty.");
}
