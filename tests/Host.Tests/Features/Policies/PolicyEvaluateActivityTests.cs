using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.PolicyRules;

/// <summary>A business rule task with Policy.Evaluate, deployed and run through the API.</summary>
public sealed class PolicyEvaluateActivityTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private const string Model = """
        <bpmn:startEvent id="start" />
        <bpmn:businessRuleTask id="decide" name="Rätt till enhet?" rjh:activity="Policy.Evaluate">
          <bpmn:extensionElements>
            <rjh:input name="set" expression="'entitlement'" />
            <rjh:input name="facts" expression="({ employee: vars.employee, unit: vars.unit, request: { deviceType: vars.deviceType, reason: vars.reason, underRollout: false } })" />
            <rjh:output name="decision" expression="result.decision" />
          </bpmn:extensionElements>
        </bpmn:businessRuleTask>
        <bpmn:endEvent id="end" />
        """;

    [Fact]
    public async Task A_business_rule_task_stores_the_decision_and_journals_set_version_and_rule()
    {
        await factory.DeployAsync(Processes.Process("policy-entitlement", Model + Processes.Chain("start", "decide", "end")));
        using var client = await factory.ClientFor("erik.anstalld");
        var facts = PolicyEndpointTests.Facts("Replacement");

        var started = await client.StartInstanceAsync("policy-entitlement", new
        {
            employee = facts["employee"],
            unit = facts["unit"],
            deviceType = "Phone",
            reason = "Replacement",
        });

        var instance = await client.WaitForInstanceAsync(started["id"]!, i => i.Status() != "Running");
        Assert.Equal("Completed", instance.Status());
        var decision = instance["variables"]!["decision"]!;
        Assert.Equal("entitlement", decision["set"]!.GetValue<string>());
        Assert.Equal(1, decision["version"]!.GetValue<int>());
        Assert.Equal("Granted", decision["outcome"]!.GetValue<string>());
        Assert.Equal("ReplacementOrLoss", decision["reasons"]![0]!["rule"]!.GetValue<string>());

        var journal = await HttpAssert.ArrayAsync(await client.GetAsync($"/api/instances/{started["id"]}/journal"));
        var note = Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "ActivityNote")!;
        Assert.Equal("decide", note["elementId"]!.GetValue<string>());
        Assert.Equal("entitlement v1: Granted (rule ReplacementOrLoss)", note["detail"]!.GetValue<string>());
        Assert.DoesNotContain("e-1", note["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_set_is_an_incident()
    {
        await factory.DeployAsync(Processes.Process("policy-unknown",
            Model.Replace("'entitlement'", "'no-such-set'") + Processes.Chain("start", "decide", "end")));
        using var client = await factory.ClientFor("erik.anstalld");
        var facts = PolicyEndpointTests.Facts("New");

        using var response = await client.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "policy-unknown",
            variables = new { employee = facts["employee"], unit = facts["unit"], deviceType = "Phone", reason = "New" },
        });

        // An inline activity's technical failure is an incident on the instance, not an error of the start request.
        var started = (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
        Assert.NotEqual("Completed", started.Status());
        using var admin = await factory.ClientFor("admin");
        var incidents = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents"));
        Assert.Contains(incidents, i => i!["instanceId"]!.GetValue<string>() == started["id"]!.GetValue<string>()
            && i["error"]!.GetValue<string>().Contains("no-such-set"));
    }
}
