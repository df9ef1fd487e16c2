using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Infrastructure.Logging;

namespace RJH.DeviceWorkflows.Host.Features.Operations;

/// <summary>
/// Variables as the operations pages show them: compact JSON with every personnummer masked (YYYYMMDD-****) and
/// phone numbers cut to their last digits, as in the logs. The page never holds the unmasked text.
/// </summary>
public static class VariableDisplay
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        // Å, ä and ö as letters, not \u00E5: people read this.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Masked(JsonNode? value) =>
        PersonalDataMasker.Mask(value is null ? "null" : value.ToJsonString(Readable));

    /// <summary>The top-level variables by name, each masked.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(JsonObject variables) =>
        variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, Masked(v.Value))).ToList();
}
