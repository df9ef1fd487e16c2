using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Activities;

/// <summary>
/// Register.DescribeEmployee's facts fed straight into Policy.Evaluate, on the real Host: the shipped policy sets accept
/// the facts the register builds for people created through the API (the rule engine's reader refuses any unknown field).
/// </summary>
public sealed class RegisterFactsActivityTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly string Model = $"""
        <bpmn:startEvent id="start" />
        {Processes.Service("describe", "Register.DescribeEmployee", ("employeeId", "vars.employeeId"), ("deviceType", "vars.deviceType"),
            ("reason", "'New'"), ("underRollout", "true"), ("requestedBy", "instance.startedBy"))}
        {Rule("entitlement", "entitlement")}
        {Rule("gate", "rollout-gate")}
        <bpmn:endEvent id="end" />
        {Processes.Chain("start", "describe", "entitlement", "gate", "end")}
        """;

    private static string Rule(string id, string set) => $"""
        <bpmn:businessRuleTask id="{id}" rjh:activity="Policy.Evaluate">
          <bpmn:extensionElements>
            <rjh:input name="set" expression="'{set}'" />
            <rjh:input name="facts" expression="vars.describeResult.facts" />
            <rjh:output name="{id}" expression="result.decision" />
          </bpmn:extensionElements>
        </bpmn:businessRuleTask>
        """;

    [Fact]
    public async Task The_facts_of_a_person_created_through_the_api_are_accepted_by_the_shipped_policy_sets()
    {
        using var admin = await factory.ClientFor("admin");
        foreach (var unit in new object[]
                 {
                     new { id = "ACT-HS", name = "Förvaltning", level = "Administration" },
                     new { id = "ACT-OST", name = "Område", level = "Area", parentId = "ACT-HS" },
                     new { id = "ACT-AKUT", name = "Enhet", level = "Unit", parentId = "ACT-OST", managerEmployeeId = "ACT-1" },
                 })
            await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/units", unit), HttpStatusCode.Created);
        foreach (var person in new object[]
                 {
                     new { employeeId = "ACT-1", userName = "act.chef", name = "Chef", unitId = "ACT-AKUT", roles = new[] { "Manager", "Employee" } },
                     new { employeeId = "ACT-2", userName = "act.anstalld", name = "Anställd", unitId = "ACT-AKUT", hasOwnExtension = true },
                 })
            await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/people", person), HttpStatusCode.Created);
        await factory.DeployAsync(Processes.Process("register-facts", Model, starterRoles: "Admin"));

        var started = await admin.StartInstanceAsync("register-facts", new { employeeId = "ACT-2", deviceType = "Phone" });

        var instance = await admin.WaitForInstanceAsync(started["id"]!, i => i.Status() != "Running");
        Assert.Equal("Completed", instance.Status());
        var variables = instance["variables"]!;
        Assert.Equal("act.chef", variables["describeResult"]!["employee"]!["managerUserName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(variables["entitlement"]!["outcome"]!.GetValue<string>()));
        Assert.Equal("rollout-gate", variables["gate"]!["set"]!.GetValue<string>());
    }
}
