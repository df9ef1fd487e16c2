using System.Text.Encodings.Web;
using System.Text.Json;

namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>Small decision tables for tests: the row under test, then a catch-all.</summary>
internal static class TableJson
{
    // Swedish letters unescaped, so tests can edit the JSON text with Replace.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(object table) => JsonSerializer.Serialize(table, Options);

    /// <summary>An entitlement table without input columns: the row under test decides by its extra condition.</summary>
    public static string Entitlement(string condition, string ruleName = "UnderTest", string outcome = "Granted",
        object? outputs = null) =>
        Table("entitlement", [Row(ruleName, outcome, condition: condition, outputs: outputs), Row("Otherwise", "ManagerJudgement")]);

    public static string Table(string set, object[] rows, object[]? inputs = null, string hitPolicy = "First") => Serialize(new
    {
        name = set,
        hitPolicy,
        inputs = inputs ?? [],
        outputs = set switch
        {
            "entitlement" => new object[] { new { name = "suggestedDeviceType" } },
            "financing" => [new { name = "costCenter" }],
            "notification-hours" => [new { name = "until", type = "date" }],
            _ => [],
        },
        rows,
    });

    public static object Input(string name, string type, string? expression = null, string[]? values = null) =>
        new Dictionary<string, object?> { ["name"] = name, ["type"] = type, ["expression"] = expression, ["values"] = values }
            .Where(p => p.Value is not null).ToDictionary();

    public static object Row(string name, string outcome, object? cells = null, string? condition = null, object? outputs = null,
        bool enabled = true) =>
        new Dictionary<string, object?>
        {
            ["name"] = name,
            ["enabled"] = enabled,
            ["cells"] = cells ?? new Dictionary<string, string>(),
            ["condition"] = condition,
            ["outcome"] = outcome,
            ["outputs"] = outputs,
            ["reason"] = new { sv = "Regeln gäller.", en = "The rule applies." },
        }.Where(p => p.Value is not null).ToDictionary();
}
