using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

/// <summary>The JSON of docs/operator-api.yaml and docs/telephony-api.yaml: camelCase names and enum values, nulls left out.</summary>
public static class AdapterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
