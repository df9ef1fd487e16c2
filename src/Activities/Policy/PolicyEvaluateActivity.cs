using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Rules;

namespace RJH.DeviceWorkflows.Activities.Policy;

/// <summary>
/// Decides with a policy rule set's published version: inputs <c>set</c> (its name) and <c>facts</c>
/// (the facts object); output <c>decision</c> = <c>{set, version, outcome, outputs, reasons}</c>.
/// A missing or unknown set, bad facts or a set that decides nothing are technical failures
/// (an incident to fix the model or the rules), not business errors.
/// The journal gets the set, version, outcome and deciding rules; never the facts, which can hold personal data.
/// The decision log (GET /api/instances/{id}/decisions) keeps every decision, with the facts minus personal data.
/// </summary>
[Activity("Policy.Evaluate", Category = "Policy", DisplayNameSv = "Utvärdera policy", DisplayNameEn = "Evaluate policy",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Fattar ett beslut med den publicerade versionen av en policyregeluppsättning.",
    DescriptionEn = "Decides with the published version of a policy rule set.")]
[ActivityInput("set", ActivityValueType.String, Required = true, Choices = [PolicySets.Entitlement, PolicySets.Financing, PolicySets.RolloutGate, PolicySets.NotificationHours],
    DescriptionSv = "Regeluppsättningens namn", DescriptionEn = "Name of the rule set")]
[ActivityInput("facts", ActivityValueType.Object, Required = true,
    DescriptionSv = "Fakta att besluta om (objekt)", DescriptionEn = "The facts to decide on (an object)")]
[ActivityOutput("decision", ActivityValueType.Object,
    DescriptionSv = "Beslutet: {set, version, outcome, outputs, reasons}", DescriptionEn = "The decision: {set, version, outcome, outputs, reasons}")]
public sealed class PolicyEvaluateActivity(IPolicyService policies) : IActivity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var set = context.Input("set") is JsonValue value && value.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : throw new InvalidOperationException("Policy.Evaluate needs the input 'set': the name of a policy rule set.");
        if (context.Input("facts") is not JsonObject facts)
            throw new InvalidOperationException("Policy.Evaluate needs the input 'facts': an object.");

        // Kept in the decision log with this instance and element; the variable holds the decision without its explanation.
        var decision = await policies.DecideForWorkflowAsync(set, JsonSerializer.SerializeToElement(facts, Json), context.InstanceId,
            context.ElementId, ct);

        return new ActivityResult(new Dictionary<string, JsonNode?> { ["decision"] = ToJson(decision.WithoutExplanation()) })
        {
            JournalNote = Note(decision),
        };
    }

    /// <summary>The decision as the API gives it: camelCase names.</summary>
    public static JsonNode? ToJson(PolicyDecision decision) => JsonSerializer.SerializeToNode(decision, Json);

    /// <summary>"entitlement v1: Granted (rule Replacement)": names only, no facts.</summary>
    public static string Note(PolicyDecision decision)
    {
        var rules = decision.Reasons.Select(r => r.Rule).Distinct(StringComparer.Ordinal).ToList();
        var because = rules.Count switch
        {
            0 => "",
            1 => $" (rule {rules[0]})",
            _ => $" (rules {string.Join(", ", rules)})",
        };
        return $"{decision.Set} v{decision.Version}: {decision.Outcome}{because}";
    }
}
