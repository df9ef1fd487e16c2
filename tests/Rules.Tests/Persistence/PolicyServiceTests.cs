using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Facts;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

/// <summary>The facade as the Host and the engine use it, on a real SQLite file.</summary>
public sealed class PolicyServiceTests : IAsyncLifetime
{
    private TempPolicyStore db = null!;

    public async Task InitializeAsync()
    {
        db = await TempPolicyStore.CreateAsync(Repository.PoliciesFolder);
        await db.Services.SeedPoliciesAsync();
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private IPolicyService Policies => db.Policies;

    // The shipped entitlement set with its last line changed, so versions can be told apart.
    private static string EntitlementV2() => Repository.ReadPolicy(PolicySets.Entitlement)
        .Replace("\"outcome\": \"ManagerJudgement\"", "\"outcome\": \"Denied\"");

    private async Task<int> VersionCountAsync(string set) => (await db.Store.ListVersionsAsync(set)).Count;

    [Fact]
    public async Task Evaluates_the_published_version_by_default()
    {
        var decision = await Policies.EvaluateAsync(PolicySets.Entitlement, Device());

        Assert.Equal((1, "ManagerJudgement"), (decision.Version, decision.Outcome));
    }

    [Fact]
    public async Task A_publish_here_counts_at_once_and_one_by_another_host_within_the_cache_time()
    {
        Assert.Equal(1, (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Version);
        var v2 = (await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "process.owner")).Version!.Value;

        // Another host publishes through the store: this host sees it once the remembered version runs out.
        await db.Store.PublishAsync(PolicySets.Entitlement, v2, "process.owner", db.Time.GetUtcNow());
        Assert.Equal(1, (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Version);
        db.Time.Advance(TimeSpan.FromSeconds(3));
        var decision = await Policies.EvaluateAsync(PolicySets.Entitlement, Device());
        Assert.Equal((v2, "Denied"), (decision.Version, decision.Outcome));

        // A publish through this service counts for the next decision.
        await Policies.PublishAsync(PolicySets.Entitlement, 1, "process.owner");
        Assert.Equal(1, (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Version);
    }

    [Fact]
    public async Task A_draft_is_evaluated_only_when_asked_for_by_version()
    {
        db.Time.Advance(TimeSpan.FromMinutes(5));
        var saved = await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "anna");

        Assert.True(saved.Saved);
        Assert.Equal(2, saved.Version);
        Assert.Equal("ManagerJudgement", (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Outcome);
        var draft = await Policies.EvaluateAsync(PolicySets.Entitlement, Device(), version: 2);
        Assert.Equal((2, "Denied", "Otherwise"), (draft.Version, draft.Outcome, draft.Reasons[0].Rule));
    }

    [Fact]
    public async Task Validate_names_the_cell_a_save_would_refuse_and_stores_nothing()
    {
        var bad = Repository.ReadPolicy(PolicySets.Entitlement).Replace("\"request.reason\": \"New\"", "\"request.reason\": \"<< 3\"");

        var audit = await SeedingTests.AuditCountAsync(db);

        var errors = Policies.Validate(PolicySets.Entitlement, bad);
        var saved = await Policies.SaveDraftAsync(PolicySets.Entitlement, bad, "anna");

        var error = Assert.Single(errors);
        Assert.Equal(("AlreadyHasDevice", "request.reason"), (error.Rule, error.Cell));
        Assert.Equal(errors, saved.Errors);
        Assert.Empty(Policies.Validate(PolicySets.Entitlement, EntitlementV2()));
        Assert.Equal(1, await VersionCountAsync(PolicySets.Entitlement));
        Assert.Equal(audit, await SeedingTests.AuditCountAsync(db));
    }

    [Fact]
    public async Task Publishing_switches_the_default_and_records_who_and_when()
    {
        await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "anna");
        db.Time.Advance(TimeSpan.FromHours(1));

        var published = await Policies.PublishAsync(PolicySets.Entitlement, 2, "bertil", "  Avslag när ingen regel passar  ");

        Assert.True(published.Published);
        Assert.Equal("Avslag när ingen regel passar", published.PublishNote);
        Assert.Equal(("anna", "bertil", db.Time.GetUtcNow()), (published.SavedBy, published.PublishedBy, published.PublishedAt));
        Assert.Equal("Denied", (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Outcome);
        var details = await Policies.GetAsync(PolicySets.Entitlement);
        Assert.Equal(2, details.PublishedVersion);
        Assert.Equal([(1, false), (2, true)], details.Versions.Select(v => (v.Version, v.Published)));
        var audit = await SeedingTests.AuditAsync(db);
        Assert.Equal(["entitlement 2 Saved anna", "entitlement 2 Published bertil"], audit.TakeLast(2));
    }

    [Fact]
    public async Task A_publish_note_over_500_characters_is_refused_and_nothing_is_published()
    {
        await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "anna");

        await Assert.ThrowsAsync<ArgumentException>(() => Policies.PublishAsync(PolicySets.Entitlement, 2, "bertil", new string('x', 501)));

        Assert.Equal(1, (await Policies.GetAsync(PolicySets.Entitlement)).PublishedVersion);
    }

    [Fact]
    public async Task An_older_version_can_be_published_again()
    {
        await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "anna");
        await Policies.PublishAsync(PolicySets.Entitlement, 2, "bertil");

        await Policies.PublishAsync(PolicySets.Entitlement, 1, "bertil");

        Assert.Equal(1, (await Policies.GetAsync(PolicySets.Entitlement)).PublishedVersion);
        Assert.Equal("ManagerJudgement", (await Policies.EvaluateAsync(PolicySets.Entitlement, Device())).Outcome);
    }

    [Fact]
    public async Task Get_returns_the_latest_table_json()
    {
        await Policies.SaveDraftAsync(PolicySets.Entitlement, EntitlementV2(), "anna");

        var details = await Policies.GetAsync(PolicySets.Entitlement);

        Assert.Equal((PolicySets.Entitlement, (int?)1), (details.Set, details.PublishedVersion));
        Assert.Equal(JsonValueKind.Object, details.Table.ValueKind);
        var last = details.Table.GetProperty("rows").EnumerateArray().Last();
        Assert.Equal("Denied", last.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("employee.GetType() != null")]
    [InlineData("typeof(string) != null")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("\"\".GetType().Assembly.FullName != null")]
    [InlineData("employee.nope == 1")]
    [InlineData("employee.id ==")]
    public async Task Invalid_rules_are_refused_naming_the_rule_and_nothing_is_stored(string expression)
    {
        var result = await Policies.SaveDraftAsync(PolicySets.Entitlement, TableJson.Entitlement(expression, ruleName: "Attempt"), "mallory");

        Assert.False(result.Saved);
        Assert.Null(result.Version);
        Assert.Equal("Attempt", Assert.Single(result.Errors).Rule);
        Assert.Equal(1, await VersionCountAsync(PolicySets.Entitlement));
    }

    [Fact]
    public async Task Bad_json_is_refused_and_nothing_is_stored()
    {
        var result = await Policies.SaveDraftAsync(PolicySets.Financing, "{ not json", "mallory");

        Assert.Equal(PolicyRuleError.Table, Assert.Single(result.Errors).Rule);
        Assert.Equal(1, await VersionCountAsync(PolicySets.Financing));
        Assert.Equal(4, await SeedingTests.AuditCountAsync(db));
    }

    [Fact]
    public async Task A_version_that_bypassed_validation_is_neither_evaluated_nor_published()
    {
        // As if someone wrote the row straight into the database.
        var version = await db.Store.AddVersionAsync(PolicySets.Entitlement,
            TableJson.Entitlement("\"\".GetType().Assembly.FullName != null", ruleName: "Smuggled"), "dba", db.Time.GetUtcNow());

        var evaluation = await Assert.ThrowsAsync<PolicyRulesException>(() => Policies.EvaluateAsync(PolicySets.Entitlement, Device(), version));
        var publishing = await Assert.ThrowsAsync<PolicyRulesException>(() => Policies.PublishAsync(PolicySets.Entitlement, version, "dba"));

        Assert.Equal("Smuggled", Assert.Single(evaluation.Errors).Rule);
        Assert.Equal("Smuggled", Assert.Single(publishing.Errors).Rule);
        Assert.Equal(1, await db.Store.FindPublishedVersionAsync(PolicySets.Entitlement));
    }

    [Fact]
    public async Task Unknown_fact_fields_are_a_facts_error()
    {
        var error = await Assert.ThrowsAsync<PolicyFactsException>(() => Policies.EvaluateAsync(PolicySets.Entitlement,
            Of(new { employee = new { id = "e", salary = 1 }, request = Request() })));

        Assert.Equal("Unknown fact field 'salary' at $.employee.salary.", error.Message);
    }

    [Fact]
    public async Task Typed_facts_decide_as_json_does()
    {
        var facts = new DeviceFacts
        {
            Employee = new Employee { Id = "e", SharesExtension = true },
            Request = new DeviceRequest { DeviceType = DeviceType.Phone, Reason = RequestReason.New },
        };

        var decision = await Policies.EvaluateAsync(PolicySets.Entitlement, facts);

        Assert.Equal("Alternative", decision.Outcome);
        Assert.Equal("DataOnlyPhone", decision.Outputs["suggestedDeviceType"]);
    }

    [Fact]
    public async Task Facts_of_the_wrong_kind_are_a_facts_error()
    {
        var facts = new NotificationFacts { Urgent = true, RecipientInWorkingTime = false, NextWorkingTimeStart = db.Time.GetUtcNow() };

        await Assert.ThrowsAsync<PolicyFactsException>(() => Policies.EvaluateAsync(PolicySets.Entitlement, facts));
    }

    [Fact]
    public async Task Unknown_sets_and_versions_are_not_found()
    {
        await Assert.ThrowsAsync<PolicySetNotFoundException>(() => Policies.GetAsync("payroll"));
        await Assert.ThrowsAsync<PolicySetNotFoundException>(() => Policies.SaveDraftAsync("payroll", "{}", "anna"));
        await Assert.ThrowsAsync<PolicySetNotFoundException>(() => Policies.PublishAsync("payroll", 1, "anna"));
        await Assert.ThrowsAsync<PolicySetNotFoundException>(() => Policies.EvaluateAsync("payroll", Device()));
        var version = await Assert.ThrowsAsync<PolicyVersionNotFoundException>(() => Policies.EvaluateAsync(PolicySets.Entitlement, Device(), 9));
        Assert.Equal(9, version.Version);
        await Assert.ThrowsAsync<PolicyVersionNotFoundException>(() => Policies.PublishAsync(PolicySets.Entitlement, 9, "anna"));
    }

    [Fact]
    public async Task A_set_stored_but_never_published_has_no_default()
    {
        await using var empty = await TempPolicyStore.CreateAsync();
        var saved = await empty.Policies.SaveDraftAsync(PolicySets.Financing, Repository.ReadPolicy(PolicySets.Financing), "anna");

        var error = await Assert.ThrowsAsync<PolicyVersionNotFoundException>(() => empty.Policies.EvaluateAsync(PolicySets.Financing, Device()));

        Assert.Null(error.Version);
        Assert.Equal("Unit", (await empty.Policies.EvaluateAsync(PolicySets.Financing, Device(), saved.Version)).Outcome);
        await Assert.ThrowsAsync<PolicySetNotFoundException>(() => empty.Policies.GetAsync(PolicySets.RolloutGate));
    }

    [Fact]
    public async Task An_actor_is_required()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Policies.SaveDraftAsync(PolicySets.Financing, Repository.ReadPolicy(PolicySets.Financing), " "));
        await Assert.ThrowsAsync<ArgumentException>(() => Policies.PublishAsync(PolicySets.Financing, 1, ""));
    }
}
