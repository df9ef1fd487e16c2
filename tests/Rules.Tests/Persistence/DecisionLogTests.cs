using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;
using static System.Text.Json.JsonSerializer;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

/// <summary>The decision log and test cases on a real SQLite file, through the service the Host and activities use.</summary>
public sealed class DecisionLogTests : IAsyncLifetime
{
    private TempPolicyStore db = null!;

    public async Task InitializeAsync()
    {
        db = await TempPolicyStore.CreateAsync(Repository.PoliciesFolder);
        await db.Services.SeedPoliciesAsync();
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_workflow_decision_is_logged_with_instance_element_time_and_facts_without_the_employee_id()
    {
        var instance = Guid.NewGuid();
        var facts = Device(Employee(remoteWork: true));

        await db.Policies.DecideForWorkflowAsync(PolicySets.Entitlement, facts, instance, "entitlement");
        db.Time.Advance(TimeSpan.FromMinutes(1));
        await db.Policies.DecideForWorkflowAsync(PolicySets.Financing, facts, instance, "financing");
        await db.Policies.EvaluateAsync(PolicySets.Entitlement, facts);

        var logged = await db.Policies.DecisionsOfInstanceAsync(instance);
        Assert.Equal([("entitlement", "Granted", "entitlement"), ("financing", "Unit", "financing")],
            logged.Select(d => (d.Set, d.Outcome, d.ElementId!)));
        Assert.Equal("NeedsCalls", logged[0].Reasons[0].Rule);
        Assert.Equal("unit-7", logged[1].Outputs.GetProperty("costCenter").GetString());
        Assert.Equal(db.Time.GetUtcNow() - TimeSpan.FromMinutes(1), logged[0].DecidedAt);
        Assert.Equal("(removed)", logged[0].Facts.GetProperty("employee").GetProperty("id").GetString());
        Assert.True(logged[0].Facts.GetProperty("employee").GetProperty("remoteWorkAgreement").GetBoolean());
        // A decision outside a workflow (the simulator) is not logged.
        Assert.Single(await db.Policies.DecisionsOfVersionAsync(PolicySets.Entitlement, 1, 100));
    }

    [Fact]
    public async Task Logged_facts_replay_on_a_draft_and_the_changed_outcomes_are_listed()
    {
        await db.Policies.DecideForWorkflowAsync(PolicySets.Entitlement, Device(), Guid.NewGuid(), "entitlement");
        await db.Policies.DecideForWorkflowAsync(PolicySets.Entitlement, Device(request: Request("Phone", "Loss")), Guid.NewGuid(), "entitlement");
        var draft = Repository.ReadPolicy(PolicySets.Entitlement).Replace("\"outcome\": \"ManagerJudgement\"", "\"outcome\": \"Denied\"");
        var version = (await db.Policies.SaveDraftAsync(PolicySets.Entitlement, draft, "anna")).Version!.Value;

        var impact = await db.Policies.ImpactAsync(PolicySets.Entitlement, null, 1000);

        Assert.Equal((version, 2), (impact.Version, impact.Replayed));
        var change = Assert.Single(impact.Changed);
        Assert.Equal(("ManagerJudgement", "Denied", "Otherwise"), (change.Before, change.After, change.AfterRule));
    }

    [Fact]
    public async Task Publishing_waits_for_every_test_case_to_pass()
    {
        var cases = Serialize(new object[]
        {
            new { name = "new phone", facts = Device(), expected = new { outcome = "ManagerJudgement" } },
            new
            {
                name = "shared extension", facts = Device(Employee(sharesExtension: true)),
                expected = new { outcome = "Alternative", outputs = new { suggestedDeviceType = "DataOnlyPhone" } },
            },
        });
        var saved = await db.Policies.SaveTestsAsync(PolicySets.Entitlement, cases, "anna");
        Assert.True(saved.Suite!.AllPassed);
        var draft = Repository.ReadPolicy(PolicySets.Entitlement).Replace("\"outcome\": \"ManagerJudgement\"", "\"outcome\": \"Denied\"");
        var version = await db.Policies.SaveDraftAsync(PolicySets.Entitlement, draft, "anna");

        Assert.Equal([("new phone", false), ("shared extension", true)], version.Tests.Select(t => (t.Name, t.Passed)));
        var refused = await Assert.ThrowsAsync<PolicyTestsFailedException>(() => db.Policies.PublishAsync(PolicySets.Entitlement, version.Version!.Value, "bertil"));
        Assert.Equal("new phone", Assert.Single(refused.Failed).Name);
        Assert.Equal(1, await db.Store.FindPublishedVersionAsync(PolicySets.Entitlement));
    }

    [Fact]
    public async Task Test_cases_that_do_not_read_are_refused_and_not_stored()
    {
        var result = await db.Policies.SaveTestsAsync(PolicySets.Financing, """[{"name":"", "facts": 1, "expected": {"outcome": ""}}]""", "anna");

        Assert.Null(result.Suite);
        Assert.Contains(result.Errors, e => e.Cell == "facts");
        Assert.Empty((await db.Policies.GetTestsAsync(PolicySets.Financing)).Cases);
    }
}
