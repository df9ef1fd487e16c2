using System.Text.Json;

namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>
/// Facts as the API receives them, written as anonymous objects:
/// <code>FactsJson.Of(new { request = FactsJson.Request("Phone", "New") })</code>.
/// </summary>
internal static class FactsJson
{
    public static JsonElement Of(object facts) => JsonSerializer.SerializeToElement(facts);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static object Employee(string[]? roles = null, bool ownExtension = false, bool sharesExtension = false,
        bool remoteWork = false, bool largeArea = false, string[]? devices = null) => new
    {
        id = "e-1",
        roles = roles ?? [],
        hasOwnExtension = ownExtension,
        sharesExtension,
        remoteWorkAgreement = remoteWork,
        worksAcrossLargeArea = largeArea,
        activeDevices = devices ?? [],
    };

    public static object Unit(string rollout = "None", params (string Scope, string Status)[] assessments) => new
    {
        id = "unit-7",
        areaId = "area-3",
        administrationId = "adm-2",
        rollout,
        riskAssessments = assessments.Select(a => new { scope = a.Scope, status = a.Status }).ToArray(),
    };

    public static object Request(string deviceType = "Phone", string reason = "New", bool underRollout = false) =>
        new { deviceType, reason, underRollout };

    public static JsonElement Device(object? employee = null, object? unit = null, object? request = null) =>
        Of(new { employee = employee ?? Employee(), unit = unit ?? Unit(), request = request ?? Request() });
}
