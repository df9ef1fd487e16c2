using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>Evaluates the shipped rule sets as version 1, without a database.</summary>
internal static class ShippedPolicies
{
    private static readonly PolicyEvaluator Evaluator = new(new PolicyValidator());

    public static async Task<PolicyDecision> DecideAsync(string set, JsonElement facts) =>
        await Evaluator.EvaluateAsync(set, 1, Repository.ReadPolicy(set), facts);

    public static Task<CompiledPolicy> CompiledAsync(string set) => Evaluator.GetAsync(set, 1, Repository.ReadPolicy(set));

    /// <summary>The reason of a decision: one, naming the deciding rule, in Swedish with English beside it.</summary>
    public static void AssertReason(PolicyDecision decision, string rule)
    {
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(rule, reason.Rule);
        Assert.Matches("[åäöÅÄÖ]", reason.Message);
        Assert.False(string.IsNullOrWhiteSpace(reason.English));
        Assert.NotEqual(reason.Message, reason.English);
    }
}
