using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

// Not "...Features.Policies", as in the Host: that namespace would hide Infrastructure.Auth.Policies.
namespace RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules;

/// <summary>The policy API on the real Host and SQLite file, with the rule sets seeded from workflows/policies.</summary>
public sealed class PolicyEndpointTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly string[] Seeded = ["entitlement", "financing", "notification-hours", "rollout-gate"];

    [Fact]
    public async Task List_shows_the_four_seeded_sets_published_at_version_1()
    {
        using var client = await factory.ClientFor("erik.anstalld");

        var sets = await HttpAssert.ArrayAsync(await client.GetAsync("/api/policies"));

        Assert.Equal(Seeded, sets.Select(s => s!["set"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(sets, s => Assert.Equal(1, s!["publishedVersion"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Get_returns_the_versions_and_the_decision_table()
    {
        using var client = await factory.ClientFor("erik.anstalld");

        var details = (await HttpAssert.StatusAsync(await client.GetAsync("/api/policies/entitlement"), HttpStatusCode.OK))!;

        Assert.Equal("entitlement", details["set"]!.GetValue<string>());
        Assert.Equal(1, details["publishedVersion"]!.GetValue<int>());
        var version = Assert.Single(details["versions"]!.AsArray());
        Assert.True(version!["published"]!.GetValue<bool>());
        Assert.Equal("entitlement", details["table"]!["name"]!.GetValue<string>());
        Assert.Equal("First", details["table"]!["hitPolicy"]!.GetValue<string>());
        Assert.Contains(details["table"]!["rows"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "ReplacementOrLoss");
    }

    [Fact]
    public async Task Get_of_an_unknown_set_is_404()
    {
        using var client = await factory.ClientFor("erik.anstalld");

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/policies/no-such-set"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_by_an_employee_is_403_and_stores_nothing()
    {
        using var client = await factory.ClientFor("erik.anstalld");
        var table = await TableAsync(client, "entitlement");

        await HttpAssert.ProblemAsync(await client.PutAsync("/api/policies/entitlement", Json(table)), HttpStatusCode.Forbidden);

        Assert.Equal(1, await VersionCountAsync(client, "entitlement"));
    }

    [Theory]
    [InlineData("request.reason in (\"Replacement\", ")]
    [InlineData("employee.GetType() != null")]
    [InlineData("typeof(string) != null")]
    [InlineData("employee.noSuchField == true")]
    public async Task Put_with_a_bad_expression_is_400_naming_the_rule_and_stores_nothing(string expression)
    {
        using var client = await factory.ClientFor("process.owner");
        var table = await TableAsync(client, "entitlement");
        table["rows"]![0]!["condition"] = expression;

        var problem = await HttpAssert.ProblemAsync(await client.PutAsync("/api/policies/entitlement", Json(table)),
            HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["rule"]!.GetValue<string>() == "ReplacementOrLoss" && e["cell"]!.GetValue<string>() == "condition"
            && e["message"]!.GetValue<string>().Length > 0);
        Assert.Equal(1, await VersionCountAsync(client, "entitlement"));
    }

    [Fact]
    public async Task Put_of_something_that_is_not_json_is_400_and_stores_nothing()
    {
        using var client = await factory.ClientFor("process.owner");

        var response = await client.PutAsync("/api/policies/financing", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsArray());
        Assert.Equal(1, await VersionCountAsync(client, "financing"));
    }

    [Fact]
    public async Task A_valid_put_is_a_draft_until_published()
    {
        await using var host = new HostFactory();
        using var owner = await host.ClientFor("process.owner");
        using var employee = await host.ClientFor("erik.anstalld");
        var table = await TableAsync(owner, "entitlement");
        table["rows"]![0]!["outcome"] = "ManagerJudgement";
        var facts = Facts("Replacement");

        var saved = (await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement", Json(table)), HttpStatusCode.Created))!;
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.False(saved["published"]!.GetValue<bool>());

        var draft = await EvaluateAsync(employee, "entitlement?version=2", facts);
        Assert.Equal((2, "ManagerJudgement"), (draft["version"]!.GetValue<int>(), draft["outcome"]!.GetValue<string>()));
        var published = await EvaluateAsync(employee, "entitlement", facts);
        Assert.Equal((1, "Granted"), (published["version"]!.GetValue<int>(), published["outcome"]!.GetValue<string>()));
        var details = (await HttpAssert.StatusAsync(await employee.GetAsync("/api/policies/entitlement"), HttpStatusCode.OK))!;
        Assert.Equal(1, details["publishedVersion"]!.GetValue<int>());
        Assert.Equal("ManagerJudgement", details["table"]!["rows"]![0]!["outcome"]!.GetValue<string>());

        await HttpAssert.ProblemAsync(await employee.PostAsync("/api/policies/entitlement/versions/2/publish", null), HttpStatusCode.Forbidden);
        var publish = (await HttpAssert.StatusAsync(await owner.PostAsync("/api/policies/entitlement/versions/2/publish", null), HttpStatusCode.OK))!;
        Assert.True(publish["published"]!.GetValue<bool>());
        Assert.Equal("process.owner", publish["publishedBy"]!.GetValue<string>());

        var after = await EvaluateAsync(employee, "entitlement", facts);
        Assert.Equal((2, "ManagerJudgement"), (after["version"]!.GetValue<int>(), after["outcome"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(await owner.PostAsync("/api/policies/entitlement/versions/9/publish", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Evaluate_entitlement_for_a_replacement_is_granted_with_a_swedish_reason()
    {
        using var client = await factory.ClientFor("erik.anstalld");

        var decision = await EvaluateAsync(client, "entitlement", Facts("Replacement"));

        Assert.Equal("entitlement", decision["set"]!.GetValue<string>());
        Assert.Equal(1, decision["version"]!.GetValue<int>());
        Assert.Equal("Granted", decision["outcome"]!.GetValue<string>());
        var reason = Assert.Single(decision["reasons"]!.AsArray())!;
        Assert.Equal("ReplacementOrLoss", reason["rule"]!.GetValue<string>());
        Assert.Contains("ersättning beviljas", reason["message"]!.GetValue<string>());
        Assert.Contains("replacement", reason["english"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evaluate_with_an_unknown_fact_field_is_400()
    {
        using var client = await factory.ClientFor("erik.anstalld");
        var facts = Facts("Replacement");
        facts["request"]!["colour"] = "pink";

        var problem = await HttpAssert.ProblemAsync(await client.PostAsync("/api/policies/entitlement/evaluate", Json(facts)),
            HttpStatusCode.BadRequest);

        Assert.Contains("colour", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evaluate_of_an_unknown_set_or_version_is_404()
    {
        using var client = await factory.ClientFor("erik.anstalld");

        await HttpAssert.ProblemAsync(await client.PostAsync("/api/policies/no-such-set/evaluate", Json(Facts("New"))), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.PostAsync("/api/policies/entitlement/evaluate?version=42", Json(Facts("New"))),
            HttpStatusCode.NotFound);
    }

    internal static JsonObject Facts(string reason, string deviceType = "Phone") => new()
    {
        ["employee"] = new JsonObject
        {
            ["id"] = "e-1",
            ["roles"] = new JsonArray(),
            ["hasOwnExtension"] = false,
            ["sharesExtension"] = false,
            ["remoteWorkAgreement"] = false,
            ["worksAcrossLargeArea"] = false,
            ["activeDevices"] = new JsonArray(),
        },
        ["unit"] = new JsonObject
        {
            ["id"] = "unit-7",
            ["areaId"] = "area-3",
            ["administrationId"] = "adm-2",
            ["rollout"] = "None",
            ["riskAssessments"] = new JsonArray(),
        },
        ["request"] = new JsonObject { ["deviceType"] = deviceType, ["reason"] = reason, ["underRollout"] = false },
    };

    internal static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    internal static async Task<JsonObject> TableAsync(HttpClient client, string set)
    {
        var details = (await HttpAssert.StatusAsync(await client.GetAsync($"/api/policies/{set}"), HttpStatusCode.OK))!;
        return details["table"]!.AsObject().DeepClone().AsObject();
    }

    internal static async Task<int> VersionCountAsync(HttpClient client, string set)
    {
        var details = (await HttpAssert.StatusAsync(await client.GetAsync($"/api/policies/{set}"), HttpStatusCode.OK))!;
        return details["versions"]!.AsArray().Count;
    }

    internal static async Task<JsonObject> EvaluateAsync(HttpClient client, string setAndQuery, JsonObject facts)
    {
        var (set, query) = setAndQuery.IndexOf('?') is var i and >= 0 ? (setAndQuery[..i], setAndQuery[i..]) : (setAndQuery, "");
        using var response = await client.PostAsync($"/api/policies/{set}/evaluate{query}", Json(facts));
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!;
    }
}
