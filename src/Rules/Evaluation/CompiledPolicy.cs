using System.Globalization;
using RJH.DeviceWorkflows.Rules.Validation;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using RuleEngine = RulesEngine.RulesEngine;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// One version of one set, compiled: a RulesEngine holding just this workflow, plus each rule's
/// outcome, reasons and compiled outputs. Immutable, so it is shared by all evaluations.
/// </summary>
internal sealed class CompiledPolicy
{
    private readonly RuleEngine engine;
    private readonly CompiledRule[] rules;
    private readonly FactShape shape;

    private CompiledPolicy(string set, int version, FactShape shape, RuleEngine engine, CompiledRule[] rules)
    {
        Set = set;
        Version = version;
        this.shape = shape;
        this.engine = engine;
        this.rules = rules;
    }

    public string Set { get; }
    public int Version { get; }
    public FactShape Shape => shape;

    /// <param name="workflow">Already checked by <see cref="PolicyValidator"/>.</param>
    public static CompiledPolicy Create(string set, int version, PolicyWorkflow workflow, FactShape shape)
    {
        var enabled = workflow.Rules.Where(r => r.Enabled).ToArray();
        var settings = HardenedSettings.Create();
        // Built from the checked model, not the stored JSON, so what runs is exactly what was checked.
        var definition = new Workflow
        {
            WorkflowName = set,
            Rules = enabled.Select(r => new Rule
            {
                RuleName = r.Name, Expression = r.Expression, SuccessEvent = r.Outcome,
                RuleExpressionType = RuleExpressionType.LambdaExpression, Enabled = true,
            }).ToArray(),
        };
        var parameters = shape.Parameters.Select(p => RuleParameter.Create(p.Name, p.Type)).ToArray();
        var parser = new RuleExpressionParser(settings);
        var compiled = enabled.Select(r => new CompiledRule(r,
            r.Outputs.Select(o => (o.Name, parser.Compile<object>(o.Expression, parameters))).ToArray(),
            shape.Parameters.Select(p => p.Name)
                .Where(p => ExpressionTokenScan.Identifiers(r.Expression).Contains(p, StringComparer.OrdinalIgnoreCase))
                .ToArray())).ToArray();
        return new CompiledPolicy(set, version, shape, new RuleEngine([definition], settings), compiled);
    }

    /// <summary>Compiles every rule now (RulesEngine would on first use) and fails if one does not compile.</summary>
    public async Task WarmUpAsync()
    {
        var results = await engine.ExecuteAllRulesAsync(Set, shape.Parameters.Select(p => RuleParameter.Create(p.Name, p.Type)).ToArray());
        var errors = results.Where(r => r.ExceptionMessage?.StartsWith("Exception while parsing", StringComparison.Ordinal) == true)
            .Select(r => new PolicyRuleError(r.Rule.RuleName, r.ExceptionMessage)).ToList();
        if (errors.Count > 0) throw new PolicyRulesException(errors);
    }

    /// <exception cref="PolicyFactsException">A rule before the deciding one could not be evaluated with these facts.</exception>
    /// <exception cref="PolicyNoMatchException">No rule matched.</exception>
    public async ValueTask<PolicyDecision> EvaluateAsync(object facts)
    {
        var parameters = shape.ToParameters(facts);
        var results = await engine.ExecuteAllRulesAsync(Set, parameters);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            // RulesEngine returns results in workflow order; look up by name only if that ever changes.
            var result = i < results.Count && results[i].Rule.RuleName == rule.Rule.Name
                ? results[i]
                : results.First(r => r.Rule.RuleName == rule.Rule.Name);
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
                throw new PolicyFactsException(FailureMessage(rule, parameters, result.ExceptionMessage));
            if (result.IsSuccess)
                return Decide(rule, parameters);
        }
        throw new PolicyNoMatchException(Set, Version);
    }

    private PolicyDecision Decide(CompiledRule rule, RuleParameter[] parameters)
    {
        var outputs = new Dictionary<string, object?>(rule.Outputs.Length, StringComparer.Ordinal);
        if (rule.Outputs.Length > 0)
        {
            var args = Array.ConvertAll(parameters, p => p.Value);
            foreach (var (name, evaluate) in rule.Outputs)
            {
                try
                {
                    outputs[name] = Normalize(evaluate(args));
                }
                catch (NullReferenceException)
                {
                    throw new PolicyFactsException($"Rule '{rule.Rule.Name}' could not compute output '{name}': a fact it reads is missing.");
                }
                catch (Exception e) when (e is InvalidCastException or ArithmeticException or ArgumentException or IndexOutOfRangeException)
                {
                    throw new PolicyFactsException($"Rule '{rule.Rule.Name}' could not compute output '{name}' from these facts: {e.Message}");
                }
            }
        }
        var reason = new PolicyReason(rule.Rule.Name, Fill(rule.Rule.Reason, outputs),
            rule.Rule.ReasonEn is { } english ? Fill(english, outputs) : null);
        return new PolicyDecision(Set, Version, rule.Rule.Outcome, outputs, [reason]);
    }

    private static string FailureMessage(CompiledRule rule, RuleParameter[] parameters, string exceptionMessage)
    {
        var missing = rule.Reads.Where(name => parameters.Any(p => p.Name == name && p.Value is null)).ToArray();
        return missing.Length > 0
            ? $"Rule '{rule.Rule.Name}' reads {string.Join(" and ", missing)}, which the facts leave out."
            : $"Rule '{rule.Rule.Name}' could not be evaluated with these facts: {Trim(exceptionMessage)}";
    }

    private static string Trim(string message)
    {
        // RulesEngine prefixes "Error while executing rule : Name - ".
        var dash = message.IndexOf(" - ", StringComparison.Ordinal);
        return dash >= 0 ? message[(dash + 3)..] : message;
    }

    private static object? Normalize(object? value) => value is Enum e ? e.ToString() : value;

    private static string Fill(string text, Dictionary<string, object?> outputs) =>
        outputs.Count == 0 ? text : PolicyValidator.PlaceholderPattern().Replace(text, m =>
            outputs.TryGetValue(m.Groups[1].Value, out var value) ? Format(value) : m.Value);

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed record CompiledRule(PolicyRule Rule, (string Name, Func<object[], object> Evaluate)[] Outputs, string[] Reads);
}
