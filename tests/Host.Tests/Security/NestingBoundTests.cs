using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 1: user-written text nested deeper than any parser should see is refused with a 400 before it
/// is parsed, and the host answers the next request (a stack overflow would have ended the process).
/// </summary>
public sealed class NestingBoundTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task A_rule_with_2000_nested_parentheses_is_400_and_the_host_lives_on()
    {
        using var owner = await factory.ClientFor("process.owner");
        var details = (await HttpAssert.StatusAsync(await owner.GetAsync("/api/policies/entitlement"), HttpStatusCode.OK))!;
        var table = details["table"]!.DeepClone().AsObject();
        table["rows"]![0]!["condition"] = new string('(', 2000) + "true" + new string(')', 2000);

        var response = await owner.PutAsync("/api/policies/entitlement",
            new StringContent(table.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("nested", StringComparison.Ordinal));
        var after = (await HttpAssert.StatusAsync(await owner.GetAsync("/api/policies/entitlement"), HttpStatusCode.OK))!;
        Assert.Single(after["versions"]!.AsArray());
    }

    [Fact]
    public async Task A_script_nested_too_deeply_is_400_naming_the_task()
    {
        using var owner = await factory.ClientFor("process.owner");
        var script = "vars.x = " + new string('[', 3000) + new string(']', 3000) + ";";
        var xml = Processes.Process("deep-script", $"""
            <bpmn:startEvent id="Start_1" />
            <bpmn:scriptTask id="Script_Deep" scriptFormat="javascript"><bpmn:script>{script}</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="End_1" />
            """ + Processes.Chain("Start_1", "Script_Deep", "End_1"));

        var problem = await HttpAssert.ProblemAsync(await owner.PostAsync("/api/definitions", HostFactoryExtensions.Xml(xml)),
            HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["elementId"]?.GetValue<string>() == "Script_Deep"
            && e["message"]!.GetValue<string>().Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bpmn_file_nested_too_deeply_is_400()
    {
        using var owner = await factory.ClientFor("process.owner");
        var deep = new StringBuilder();
        for (var i = 0; i < 5000; i++) deep.Append("<rjh:x>");
        for (var i = 0; i < 5000; i++) deep.Append("</rjh:x>");
        var xml = Processes.Process("deep-xml", $"""
            <bpmn:startEvent id="Start_1"><bpmn:extensionElements>{deep}</bpmn:extensionElements></bpmn:startEvent>
            <bpmn:endEvent id="End_1" />
            """ + Processes.Chain("Start_1", "End_1"));

        var problem = await HttpAssert.ProblemAsync(await owner.PostAsync("/api/definitions", HostFactoryExtensions.Xml(xml)),
            HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("nested", StringComparison.Ordinal));
    }
}
