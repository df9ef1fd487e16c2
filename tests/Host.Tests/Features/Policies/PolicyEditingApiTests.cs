using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules.PolicyEndpointTests;

namespace RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules;

/// <summary>Issue 12's API: cells with errors naming row and cell, explanations, test cases gating publish, impact preview.</summary>
public sealed class PolicyEditingApiTests
{
    [Fact]
    public async Task A_bad_cell_is_400_naming_the_row_and_the_cell_and_nothing_is_stored()
    {
        await using var host = new HostFactory();
        using var owner = await host.ClientFor("process.owner");
        var table = await TableAsync(owner, "entitlement");
        table["rows"]![0]!["cells"]!["request.reason"] = "Replacement, Stolen";

        var problem = await HttpAssert.ProblemAsync(await owner.PutAsync("/api/policies/entitlement", Json(table)), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(("ReplacementOrLoss", "request.reason"), (error["rule"]!.GetValue<string>(), error["cell"]!.GetValue<string>()));
        Assert.Contains("'Stolen'", error["message"]!.GetValue<string>());
        Assert.Equal(1, await VersionCountAsync(owner, "entitlement"));
    }

    [Fact]
    public async Task Evaluate_explains_the_decision_with_the_values_seen()
    {
        await using var host = new HostFactory();
        using var employee = await host.ClientFor("erik.anstalld");

        var decision = await EvaluateAsync(employee, "entitlement", Facts("New"));

        Assert.Equal("ManagerJudgement", decision["outcome"]!.GetValue<string>());
        var explanation = decision["explanation"]!;
        Assert.Equal("First", explanation["hitPolicy"]!.GetValue<string>());
        var first = explanation["notMatched"]![0]!;
        Assert.Equal(("ReplacementOrLoss", "request.reason", "Replacement, Loss"),
            (first["rule"]!.GetValue<string>(), first["cell"]!.GetValue<string>(), first["test"]!.GetValue<string>()));
        Assert.Equal("New", first["seen"]!["request.reason"]!.GetValue<string>());
        Assert.Equal(7, explanation["notMatched"]!.AsArray().Count);
    }

    [Fact]
    public async Task Publishing_is_refused_while_a_test_case_fails_naming_it()
    {
        await using var host = new HostFactory();
        using var owner = await host.ClientFor("process.owner");
        using var employee = await host.ClientFor("erik.anstalld");
        var cases = new JsonArray(
            TestCase("Replacement is granted", Facts("Replacement"), "Granted"),
            TestCase("A new phone is for the manager to judge", Facts("New"), "ManagerJudgement"));

        await HttpAssert.ProblemAsync(await employee.PutAsync("/api/policies/entitlement/tests", Json(cases)), HttpStatusCode.Forbidden);
        var suite = (await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement/tests", Json(cases)), HttpStatusCode.OK))!;
        Assert.All(suite["results"]!.AsArray(), r => Assert.True(r!["passed"]!.GetValue<bool>()));

        // A draft that denies new orders: saved, with the case that now fails in the answer; publishing is refused.
        var table = await TableAsync(owner, "entitlement");
        table["rows"]!.AsArray().Last()!["outcome"] = "Denied";
        var saved = (await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement", Json(table)), HttpStatusCode.Created))!;
        Assert.Contains(saved["tests"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "A new phone is for the manager to judge"
            && !t["passed"]!.GetValue<bool>());
        var refused = await HttpAssert.ProblemAsync(await owner.PostAsync("/api/policies/entitlement/versions/2/publish", null), HttpStatusCode.Conflict);
        Assert.Contains("A new phone is for the manager to judge", refused["detail"]!.GetValue<string>());
        Assert.Equal(1, (await EvaluateAsync(employee, "entitlement", Facts("New")))["version"]!.GetValue<int>());

        // The case updated to the new rule: publishing goes through.
        cases[1]!["expected"]!["outcome"] = "Denied";
        var updated = (await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement/tests", Json(cases)), HttpStatusCode.OK))!;
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        await HttpAssert.ProblemAsync(await owner.PostAsJsonAsync("/api/policies/entitlement/versions/2/publish",
            new { note = new string('x', 501) }), HttpStatusCode.BadRequest);
        var published = (await HttpAssert.StatusAsync(await owner.PostAsJsonAsync("/api/policies/entitlement/versions/2/publish",
            new { note = "Nya beställningar avslås" }), HttpStatusCode.OK))!;
        Assert.Equal("Nya beställningar avslås", published["publishNote"]!.GetValue<string>());
        var after = (await HttpAssert.StatusAsync(await employee.GetAsync("/api/policies/entitlement/tests"), HttpStatusCode.OK))!;
        Assert.Equal(2, after["cases"]!.AsArray().Count);
        Assert.True(after["allPassed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_test_cases_are_400_and_not_stored()
    {
        await using var host = new HostFactory();
        using var owner = await host.ClientFor("process.owner");

        var problem = await HttpAssert.ProblemAsync(await owner.PutAsync("/api/policies/financing/tests",
            new StringContent("""[{"name":"x","facts":{},"expected":{}}]""", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem["errors"]!.AsArray());
        var suite = (await HttpAssert.StatusAsync(await owner.GetAsync("/api/policies/financing/tests"), HttpStatusCode.OK))!;
        Assert.Empty(suite["cases"]!.AsArray());
    }

    internal static JsonObject TestCase(string name, JsonObject facts, string outcome) => new()
    {
        ["name"] = name,
        ["facts"] = facts,
        ["expected"] = new JsonObject { ["outcome"] = outcome },
    };
}
