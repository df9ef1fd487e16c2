using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>How list columns and audit snapshots are written: camelCase, enums by name (as the API shows them).</summary>
internal static class WorkEnvironmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} column holds null.");
}
