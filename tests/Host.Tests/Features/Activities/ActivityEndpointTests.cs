using System.Net;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Activities;

/// <summary>The activity catalog as the designer reads it: descriptors and element templates.</summary>
public sealed class ActivityEndpointTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Descriptors_list_each_activity_with_typed_inputs_and_outputs()
    {
        using var client = await host.ClientFor("process.owner");
        var list = await HttpAssert.ArrayAsync(await client.GetAsync("/api/activities"));

        var types = list.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(types.Order(StringComparer.Ordinal), types);
        var policy = Assert.Single(list, a => a!["type"]!.GetValue<string>() == "Policy.Evaluate")!;
        Assert.Equal("Utvärdera policy", policy["displayNameSv"]!.GetValue<string>());
        Assert.Equal("Inline", policy["execution"]!.GetValue<string>());
        var set = Assert.Single(policy["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "set")!;
        Assert.True(set["required"]!.GetValue<bool>());
        Assert.Equal("String", set["type"]!.GetValue<string>());
        Assert.Contains("notification-hours", set["choices"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("decision", Assert.Single(policy["outputs"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Element_templates_bind_the_activity_and_its_inputs_to_the_rjh_namespace()
    {
        using var client = await host.ClientFor("process.owner");
        var descriptors = await HttpAssert.ArrayAsync(await client.GetAsync("/api/activities"));
        var templates = await HttpAssert.ArrayAsync(await client.GetAsync("/api/designer/element-templates"));

        Assert.Equal(descriptors.Count, templates.Count);
        var policy = Assert.Single(templates, t => t!["id"]!.GetValue<string>() == "rjh.Policy.Evaluate")!;
        Assert.Equal("Utvärdera policy", policy["name"]!.GetValue<string>());
        Assert.Contains("bpmn:BusinessRuleTask", policy["appliesTo"]!.AsArray().Select(a => a!.GetValue<string>()));
        var properties = policy["properties"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var activity = Assert.Single(properties, p => p["binding"]!["name"]?.GetValue<string>() == "rjh:activity");
        Assert.Equal("Hidden", activity["type"]!.GetValue<string>());
        Assert.Equal("Policy.Evaluate", activity["value"]!.GetValue<string>());
        var set = Assert.Single(properties, p => p["binding"]!["type"]!.GetValue<string>() == "rjh:input" && p["binding"]!["name"]!.GetValue<string>() == "set");
        Assert.Equal("Dropdown", set["type"]!.GetValue<string>());
        Assert.Contains("'entitlement'", set["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.True(set["constraints"]!["notEmpty"]!.GetValue<bool>());
        var decision = Assert.Single(properties, p => p["binding"]!["type"]!.GetValue<string>() == "rjh:output");
        Assert.Equal("result.decision", decision["binding"]!["source"]!.GetValue<string>());

        var english = await HttpAssert.ArrayAsync(await client.GetAsync("/api/designer/element-templates?lang=en"));
        Assert.Equal("Evaluate policy", english.Single(t => t!["id"]!.GetValue<string>() == "rjh.Policy.Evaluate")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/designer/element-templates")).StatusCode);
    }
}
