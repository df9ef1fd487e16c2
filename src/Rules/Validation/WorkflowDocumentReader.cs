using System.Text.Json;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// Reads the subset of RulesEngine's workflow JSON that policies use. Everything else RulesEngine
/// knows (actions, scoped params, nested rules, injected workflows) is refused by name: each is
/// more code that would run, and a decision table needs none of it.
/// </summary>
internal static class WorkflowDocumentReader
{
    private static readonly HashSet<string> WorkflowKeys = new(StringComparer.OrdinalIgnoreCase)
        { "WorkflowName", "Rules", "RuleExpressionType" };
    private static readonly HashSet<string> RuleKeys = new(StringComparer.OrdinalIgnoreCase)
        { "RuleName", "Expression", "SuccessEvent", "Enabled", "RuleExpressionType", "ErrorMessage", "Properties" };
    private static readonly HashSet<string> PropertyKeys = new(StringComparer.OrdinalIgnoreCase)
        { "reason", "reasonEn", "outputs" };

    public static PolicyWorkflow? Read(string json, List<PolicyRuleError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            errors.Add(new(PolicyRuleError.Workflow, $"Not valid JSON: {e.Message}"));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(PolicyRuleError.Workflow, "The workflow must be a JSON object."));
                return null;
            }
            CheckKeys(root, WorkflowKeys, PolicyRuleError.Workflow, "the workflow", errors);
            CheckExpressionType(root, PolicyRuleError.Workflow, errors);
            var name = String(root, "WorkflowName", PolicyRuleError.Workflow, errors, required: true);
            if (!TryGet(root, "Rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new(PolicyRuleError.Workflow, "'Rules' must be an array of rules."));
                return null;
            }
            var rules = new List<PolicyRule>();
            var index = 0;
            foreach (var element in rulesElement.EnumerateArray())
            {
                if (ReadRule(element, index++, errors) is { } rule)
                    rules.Add(rule);
            }
            return name is null ? null : new PolicyWorkflow(name, rules);
        }
    }

    private static PolicyRule? ReadRule(JsonElement element, int index, List<PolicyRuleError> errors)
    {
        var label = $"Rules[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(label, "A rule must be a JSON object."));
            return null;
        }
        var name = String(element, "RuleName", label, errors, required: true);
        if (name is not null) label = name;
        var before = errors.Count;
        CheckKeys(element, RuleKeys, label, "a rule", errors);
        CheckExpressionType(element, label, errors);
        var expression = String(element, "Expression", label, errors, required: true);
        var outcome = String(element, "SuccessEvent", label, errors, required: true);
        String(element, "ErrorMessage", label, errors, required: false);
        var enabled = true;
        if (TryGet(element, "Enabled", out var enabledElement))
        {
            if (enabledElement.ValueKind is JsonValueKind.True or JsonValueKind.False) enabled = enabledElement.GetBoolean();
            else errors.Add(new(label, "'Enabled' must be true or false."));
        }
        string? reason = null, reasonEn = null;
        var outputs = new List<PolicyOutput>();
        if (!TryGet(element, "Properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            errors.Add(new(label, "'Properties' must be an object with at least 'reason' (a Swedish sentence)."));
        else
        {
            CheckKeys(properties, PropertyKeys, label, "Properties", errors);
            reason = String(properties, "reason", label, errors, required: true);
            reasonEn = String(properties, "reasonEn", label, errors, required: false);
            ReadOutputs(properties, label, outputs, errors);
        }
        if (errors.Count > before || name is null || expression is null || outcome is null || reason is null)
            return null;
        return new PolicyRule(name, expression, outcome, reason, reasonEn, outputs, enabled);
    }

    private static void ReadOutputs(JsonElement properties, string label, List<PolicyOutput> outputs, List<PolicyRuleError> errors)
    {
        if (!TryGet(properties, "outputs", out var element)) return;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(label, "'outputs' must be an object of name → expression."));
            return;
        }
        foreach (var output in element.EnumerateObject())
        {
            if (output.Value.ValueKind == JsonValueKind.String && output.Value.GetString() is { Length: > 0 } text)
                outputs.Add(new PolicyOutput(output.Name, text));
            else
                errors.Add(new(label, $"Output '{output.Name}' must be an expression string (a literal is written \"\\\"DataOnlyPhone\\\"\")."));
        }
    }

    private static void CheckKeys(JsonElement element, HashSet<string> allowed, string label, string where, List<PolicyRuleError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
                errors.Add(new(label, $"'{property.Name}' is not supported in {where} of a policy rule set (allowed: {string.Join(", ", allowed)})."));
        }
    }

    private static void CheckExpressionType(JsonElement element, string label, List<PolicyRuleError> errors)
    {
        if (TryGet(element, "RuleExpressionType", out var type)
            && !(type.ValueKind == JsonValueKind.String && type.GetString() == "LambdaExpression"))
            errors.Add(new(label, "'RuleExpressionType' may only be \"LambdaExpression\"."));
    }

    private static string? String(JsonElement element, string key, string label, List<PolicyRuleError> errors, bool required)
    {
        if (!TryGet(element, key, out var value))
        {
            if (required) errors.Add(new(label, $"'{key}' is required."));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && (!required || text.Trim().Length > 0))
            return text;
        errors.Add(new(label, required ? $"'{key}' must be a non-empty string." : $"'{key}' must be a string."));
        return null;
    }

    private static bool TryGet(JsonElement element, string key, out JsonElement value)
    {
        // RulesEngine's JSON is PascalCase but people write camelCase too; accept either, as RulesEngine does.
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
