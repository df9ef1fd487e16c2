using System.Net;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules.PolicyEndpointTests;

namespace RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules;

/// <summary>Every decision made for a workflow is logged, readable per instance and per version, and replayable on a draft.</summary>
public sealed class DecisionLogTests
{
    // Two decisions of the same set in one instance: the second must not hide the first.
    private const string Model = """
        <bpmn:startEvent id="start" />
        <bpmn:businessRuleTask id="first" rjh:activity="Policy.Evaluate">
          <bpmn:extensionElements>
            <rjh:input name="set" expression="'entitlement'" />
            <rjh:input name="facts" expression="({ employee: vars.employee, unit: vars.unit, request: { deviceType: 'Phone', reason: 'Replacement', underRollout: false } })" />
            <rjh:output name="decision" expression="result.decision" />
          </bpmn:extensionElements>
        </bpmn:businessRuleTask>
        <bpmn:businessRuleTask id="second" rjh:activity="Policy.Evaluate">
          <bpmn:extensionElements>
            <rjh:input name="set" expression="'entitlement'" />
            <rjh:input name="facts" expression="({ employee: vars.employee, unit: vars.unit, request: { deviceType: 'Phone', reason: 'New', underRollout: false } })" />
            <rjh:output name="decision" expression="result.decision" />
          </bpmn:extensionElements>
        </bpmn:businessRuleTask>
        <bpmn:endEvent id="end" />
        """;

    private static async Task<string> RunAsync(HostFactory host, HttpClient client)
    {
        await host.DeployAsync(Processes.Process("policy-twice", Model + Processes.Chain("start", "first", "second", "end")));
        var facts = Facts("New");
        var started = await client.StartInstanceAsync("policy-twice", new { employee = facts["employee"], unit = facts["unit"] });
        var instance = await client.WaitForInstanceAsync(started["id"]!, i => i.Status() != "Running");
        Assert.Equal("Completed", instance.Status());
        return started["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Both_decisions_of_one_set_in_an_instance_are_kept_with_element_version_and_facts_without_personal_data()
    {
        await using var host = new HostFactory();
        using var erik = await host.ClientFor("erik.anstalld");
        var id = await RunAsync(host, erik);

        var decisions = await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/instances/{id}/decisions"));

        Assert.Equal([("first", "Granted", "ReplacementOrLoss"), ("second", "ManagerJudgement", "Otherwise")],
            decisions.Select(d => (d!["elementId"]!.GetValue<string>(), d["outcome"]!.GetValue<string>(), d["reasons"]![0]!["rule"]!.GetValue<string>())));
        Assert.All(decisions, d =>
        {
            Assert.Equal(("entitlement", 1, id), (d!["set"]!.GetValue<string>(), d["version"]!.GetValue<int>(), d["instanceId"]!.GetValue<string>()));
            Assert.Equal("(removed)", d["facts"]!["employee"]!["id"]!.GetValue<string>());
            Assert.NotNull(d["decidedAt"]);
        });
        // The employee id nowhere, the instance's own id left out: a random id can hold "e-1" itself ("…b50e-18df…").
        Assert.DoesNotContain("e-1", decisions.ToJsonString().Replace(id, "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_may_not_read_the_instance_may_not_read_its_decisions()
    {
        await using var host = new HostFactory();
        using var erik = await host.ClientFor("erik.anstalld");
        using var maja = await host.ClientFor("maja.mobil");
        var id = await RunAsync(host, erik);

        var response = await maja.GetAsync($"/api/instances/{id}/decisions");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        await HttpAssert.ProblemAsync(await erik.GetAsync($"/api/instances/{Guid.NewGuid()}/decisions"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Impact_lists_the_logged_decisions_a_draft_would_change_and_a_versions_decisions_are_readable()
    {
        await using var host = new HostFactory();
        using var erik = await host.ClientFor("erik.anstalld");
        using var owner = await host.ClientFor("process.owner");
        var id = await RunAsync(host, erik);
        var table = await TableAsync(owner, "entitlement");
        table["rows"]!.AsArray().Last()!["outcome"] = "Denied";
        await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement", Json(table)), HttpStatusCode.Created);

        await HttpAssert.ProblemAsync(await erik.PostAsync("/api/policies/entitlement/impact", null), HttpStatusCode.Forbidden);
        var impact = (await HttpAssert.StatusAsync(await owner.PostAsync("/api/policies/entitlement/impact", null), HttpStatusCode.OK))!;

        Assert.Equal((2, 2), (impact["version"]!.GetValue<int>(), impact["replayed"]!.GetValue<int>()));
        var change = Assert.Single(impact["changed"]!.AsArray())!;
        Assert.Equal((id, "second", "ManagerJudgement", "Denied"), (change["instanceId"]!.GetValue<string>(), change["elementId"]!.GetValue<string>(),
            change["before"]!.GetValue<string>(), change["after"]!.GetValue<string>()));
        var ofVersion = await HttpAssert.ArrayAsync(await owner.GetAsync("/api/policies/entitlement/versions/1/decisions"));
        Assert.Equal(2, ofVersion.Count);
    }
}
