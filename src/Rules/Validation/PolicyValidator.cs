using System.Text.RegularExpressions;
using RJH.DeviceWorkflows.Rules.Evaluation;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// Decides whether a workflow JSON may be stored as a version of a set: it reads, every expression
/// compiles and stays within the facts and <see cref="PolicyFunctions"/>, and every outcome is one the
/// set's workflows understand, with the outputs they read. Errors name the rule (its RuleName).
/// </summary>
internal sealed partial class PolicyValidator
{
    // A rule set is a table people edit by hand; anything near this size is a mistake or an attack.
    public const int MaxJsonLength = 256 * 1024;

    private readonly ExpressionChecker checker = new();

    public PolicyValidationResult Validate(string set, string json)
    {
        var definition = PolicySetDefinition.Get(set);
        var errors = new List<PolicyRuleError>();
        if (json.Length > MaxJsonLength)
        {
            errors.Add(new(PolicyRuleError.Workflow, $"The workflow is larger than {MaxJsonLength / 1024} KiB."));
            return new(null, errors);
        }
        var workflow = WorkflowDocumentReader.Read(json, errors);
        if (workflow is not null && workflow.Name != set)
            errors.Add(new(PolicyRuleError.Workflow, $"'WorkflowName' is '{workflow.Name}' but this is the set '{set}'."));
        if (workflow is not null)
            CheckRules(workflow, definition, errors);
        return errors.Count == 0 ? new(workflow, errors) : new(null, errors);
    }

    private void CheckRules(PolicyWorkflow workflow, PolicySetDefinition definition, List<PolicyRuleError> errors)
    {
        if (workflow.Rules.Count == 0 && errors.Count == 0)
            errors.Add(new(PolicyRuleError.Workflow, "The set has no rules."));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in workflow.Rules)
        {
            if (!names.Add(rule.Name))
                errors.Add(new(rule.Name, "Another rule has the same RuleName; reasons name rules, so names must be unique."));
            if (!RuleNamePattern().IsMatch(rule.Name))
                errors.Add(new(rule.Name, "A RuleName is 1–100 letters, digits, '-' or '_', starting with a letter."));
            CheckOutcome(rule, definition, errors);
            foreach (var problem in checker.Check(rule.Expression, definition.Shape, typeof(bool)))
                errors.Add(new(rule.Name, $"Expression {problem}."));
            foreach (var output in rule.Outputs)
            {
                if (!OutputNamePattern().IsMatch(output.Name))
                    errors.Add(new(rule.Name, $"Output name '{output.Name}' must be a camelCase identifier."));
                foreach (var problem in checker.Check(output.Expression, definition.Shape, returnType: null))
                    errors.Add(new(rule.Name, $"Output '{output.Name}' {problem}."));
            }
            CheckPlaceholders(rule, rule.Reason, errors);
            if (rule.ReasonEn is not null) CheckPlaceholders(rule, rule.ReasonEn, errors);
        }
    }

    private static void CheckOutcome(PolicyRule rule, PolicySetDefinition definition, List<PolicyRuleError> errors)
    {
        if (!definition.Outcomes.TryGetValue(rule.Outcome, out var required))
        {
            errors.Add(new(rule.Name, $"SuccessEvent '{rule.Outcome}' is not an outcome of '{definition.Name}' " +
                $"(allowed: {string.Join(", ", definition.Outcomes.Keys)})."));
            return;
        }
        foreach (var name in required.Where(n => rule.Outputs.All(o => o.Name != n)))
            errors.Add(new(rule.Name, $"Outcome '{rule.Outcome}' needs the output '{name}'."));
    }

    private static void CheckPlaceholders(PolicyRule rule, string reason, List<PolicyRuleError> errors)
    {
        foreach (Match match in PlaceholderPattern().Matches(reason))
        {
            var name = match.Groups[1].Value;
            if (rule.Outputs.All(o => o.Name != name))
                errors.Add(new(rule.Name, $"The reason names {{{name}}}, which is not an output of this rule."));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex OutputNamePattern();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    internal static partial Regex PlaceholderPattern();
}

/// <summary>The checked workflow, or the errors (never both).</summary>
internal sealed record PolicyValidationResult(PolicyWorkflow? Workflow, IReadOnlyList<PolicyRuleError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Workflow is not null;
}
