using System.Text.Encodings.Web;
using System.Text.Json;

namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>Small rule sets for validation tests: the rule under test, then a catch-all.</summary>
internal static class WorkflowJson
{
    // Swedish letters unescaped, so tests can edit the JSON text with Replace.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(object workflow) => JsonSerializer.Serialize(workflow, Options);

    public static string Entitlement(string expression, string ruleName = "UnderTest", string outcome = "Granted",
        object? outputs = null) =>
        Serialize(new
        {
            WorkflowName = "entitlement",
            Rules = new object[]
            {
                Rule(ruleName, expression, outcome, outputs),
                Rule("Otherwise", "true", "ManagerJudgement", null),
            },
        });

    public static object Rule(string name, string expression, string outcome, object? outputs) => new
    {
        RuleName = name,
        Expression = expression,
        SuccessEvent = outcome,
        Properties = outputs is null
            ? (object)new { reason = "Regeln gäller.", reasonEn = "The rule applies." }
            : new { reason = "Regeln gäller.", reasonEn = "The rule applies.", outputs },
    };
}
