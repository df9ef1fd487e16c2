using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Rules.Decisions;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

/// <summary>A test case as the page edits it: facts and expected outputs as JSON text, read back on save.</summary>
internal sealed class EditableCase
{
    public string Name { get; set; } = "";
    public string FactsJson { get; set; } = "{}";
    public string Outcome { get; set; } = "";
    public string OutputsJson { get; set; } = "{}";
    public string? FactsError { get; set; }
    public string? OutputsError { get; set; }

    public static EditableCase From(PolicyTestCase testCase) => new()
    {
        Name = testCase.Name,
        FactsJson = JsonSerializer.Serialize(testCase.Facts, EditableTable.Json),
        Outcome = testCase.Expected.Outcome,
        OutputsJson = JsonSerializer.Serialize(testCase.Expected.Outputs, EditableTable.Json),
    };

    /// <summary>The cases as PUT /api/policies/{set}/tests takes them, or null when a case's JSON does not read (its errors set).</summary>
    public static string? ToJson(IReadOnlyList<EditableCase> cases, string factsInvalid, string outputsInvalid)
    {
        var array = new JsonArray();
        var valid = true;
        foreach (var c in cases)
        {
            c.FactsError = c.OutputsError = null;
            var facts = ObjectOrNull(c.FactsJson);
            var outputs = string.IsNullOrWhiteSpace(c.OutputsJson) ? [] : ObjectOrNull(c.OutputsJson);
            if (facts is null) (c.FactsError, valid) = (factsInvalid, false);
            if (outputs is null) (c.OutputsError, valid) = (outputsInvalid, false);
            if (facts is null || outputs is null) continue;
            array.Add(new JsonObject
            {
                ["name"] = c.Name.Trim(),
                ["facts"] = facts,
                ["expected"] = new JsonObject { ["outcome"] = c.Outcome.Trim(), ["outputs"] = outputs },
            });
        }
        return valid ? array.ToJsonString() : null;
    }

    private static JsonObject? ObjectOrNull(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
