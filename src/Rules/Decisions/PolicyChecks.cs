using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Evaluation;

namespace RJH.DeviceWorkflows.Rules.Decisions;

/// <summary>Runs test cases and replays logged decisions on a compiled version: the checks before a publish.</summary>
internal static class PolicyChecks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PolicyTestResult> Run(CompiledPolicy policy, IReadOnlyList<PolicyTestCase> cases) =>
        cases.Select(c => Run(policy, c)).ToList();

    private static PolicyTestResult Run(CompiledPolicy policy, PolicyTestCase testCase)
    {
        PolicyDecision decision;
        try
        {
            decision = policy.Evaluate(policy.Shape.Read(testCase.Facts));
        }
        catch (PolicyException e)
        {
            return new PolicyTestResult(testCase.Name, false, null, null, e.Message);
        }
        var rule = decision.Reasons.FirstOrDefault()?.Rule;
        if (decision.Outcome != testCase.Expected.Outcome)
            return new PolicyTestResult(testCase.Name, false, decision.Outcome, rule,
                $"expected {testCase.Expected.Outcome}, decided {decision.Outcome} (rule {rule})");
        foreach (var (name, expected) in testCase.Expected.Outputs)
        {
            if (!decision.Outputs.TryGetValue(name, out var value))
                return new PolicyTestResult(testCase.Name, false, decision.Outcome, rule, $"expected output '{name}', which rule {rule} does not give");
            var actual = JsonSerializer.SerializeToElement(value, Json);
            if (!JsonElement.DeepEquals(expected, actual))
                return new PolicyTestResult(testCase.Name, false, decision.Outcome, rule,
                    $"expected {name} = {expected.GetRawText()}, got {actual.GetRawText()}");
        }
        return new PolicyTestResult(testCase.Name, true, decision.Outcome, rule, null);
    }

    public static PolicyImpact Impact(CompiledPolicy draft, IReadOnlyList<LoggedDecision> logged)
    {
        var changed = new List<PolicyImpactChange>();
        foreach (var entry in logged)
        {
            string? after = null, afterRule = null, error = null;
            try
            {
                var decision = draft.Evaluate(draft.Shape.Read(entry.Facts));
                (after, afterRule) = (decision.Outcome, decision.Reasons.FirstOrDefault()?.Rule);
            }
            catch (PolicyException e)
            {
                error = e.Message;
            }
            if (after == entry.Outcome) continue;
            changed.Add(new PolicyImpactChange(entry.Id, entry.InstanceId, entry.ElementId, entry.DecidedAt, entry.Version,
                entry.Outcome, entry.Reasons.FirstOrDefault()?.Rule, after, afterRule, error));
        }
        return new PolicyImpact(draft.Set, draft.Version, logged.Count, changed);
    }
}

/// <summary>What a version would change: of <see cref="Replayed"/> logged decisions, those whose outcome differs (or that fail).</summary>
public sealed record PolicyImpact(string Set, int Version, int Replayed, IReadOnlyList<PolicyImpactChange> Changed);

public sealed record PolicyImpactChange(long DecisionId, Guid? InstanceId, string? ElementId, DateTimeOffset DecidedAt, int DecidedByVersion,
    string Before, string? BeforeRule, string? After, string? AfterRule, string? Error);
