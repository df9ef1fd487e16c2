using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using RJH.DeviceWorkflows.Rules.Validation;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Evaluation;

public sealed class PolicyEvaluatorTests
{
    private readonly PolicyEvaluator evaluator = new(new PolicyValidator());

    [Fact]
    public async Task A_disabled_rule_does_not_decide()
    {
        var json = TableJson.Table("entitlement", [TableJson.Row("Off", "Denied", enabled: false), TableJson.Row("Otherwise", "Granted")]);

        var decision = await evaluator.EvaluateAsync(PolicySets.Entitlement, 1, json, Device());

        Assert.Equal(("Granted", "Otherwise"), (decision.Outcome, decision.Reasons[0].Rule));
    }

    [Fact]
    public async Task A_set_without_a_catch_all_can_match_nothing()
    {
        var json = TableJson.Table("entitlement", [TableJson.Row("OnlyLoss", "Granted", condition: "request.reason == \"Loss\"")]);

        var error = await Assert.ThrowsAsync<PolicyNoMatchException>(async () =>
            await evaluator.EvaluateAsync(PolicySets.Entitlement, 3, json, Device()));

        Assert.Contains("version 3", error.Message);
    }

    [Fact]
    public async Task An_output_that_reads_a_left_out_part_is_a_facts_error()
    {
        var json = TableJson.Table("financing", [TableJson.Row("UnitPays", "Unit", outputs: new { costCenter = "=unit.id" })]);

        var error = await Assert.ThrowsAsync<PolicyFactsException>(async () =>
            await evaluator.EvaluateAsync(PolicySets.Financing, 1, json, Of(new { request = Request() })));

        Assert.Contains("output 'costCenter'", error.Message);
    }

    [Fact]
    public async Task Each_version_is_compiled_once_and_shared()
    {
        var json = Repository.ReadPolicy(PolicySets.Financing);

        var first = await evaluator.GetAsync(PolicySets.Financing, 1, json);
        var loads = 0;
        var again = await evaluator.GetAsync(PolicySets.Financing, 1, () => { loads++; return Task.FromResult(json); });

        Assert.Same(first, again);
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task Concurrent_first_use_compiles_once()
    {
        var json = Repository.ReadPolicy(PolicySets.RolloutGate);
        var loads = 0;

        var policies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            evaluator.GetAsync(PolicySets.RolloutGate, 1, () => { Interlocked.Increment(ref loads); return Task.FromResult(json); }))));

        Assert.Equal(1, loads);
        Assert.All(policies, p => Assert.Same(policies[0], p));
    }

    [Fact]
    public async Task A_failed_compile_is_not_cached()
    {
        await Assert.ThrowsAsync<PolicyRulesException>(() =>
            evaluator.GetAsync(PolicySets.Financing, 7, TableJson.Entitlement("true")));

        var policy = await evaluator.GetAsync(PolicySets.Financing, 7, Repository.ReadPolicy(PolicySets.Financing));

        Assert.Equal(7, policy.Version);
    }
}
