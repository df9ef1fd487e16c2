using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Support.Processes;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Incidents;

/// <summary>
/// An error nothing catches, raised in a called process: the incident stands in the child and on the parent's call
/// activity, both listed, and the admin acts on it from the parent.
/// </summary>
public sealed class UncaughtErrorIncidentTests(HostFactory factory) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private HttpClient admin = null!;
    private HttpClient erik = null!;

    public async Task InitializeAsync()
    {
        admin = await factory.ClientFor("admin");
        erik = await factory.ClientFor("erik.anstalld");
        await factory.DeployAsync(Process("check-device", $"""
            <bpmn:startEvent id="cs" />
            {Service("check", "Fail", ("code", "'invalid-device'"), ("message", "'The IMEI fails its check digit.'"))}
            <bpmn:endEvent id="ce" />
            {Chain("cs", "check", "ce")}
            """));
        await factory.DeployAsync(Process("order-device", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="check-device" />
            <bpmn:userTask id="after" rjh:candidateRoles="Employee" rjh:formKey="after" /><bpmn:endEvent id="pe" />
            """ + Chain("ps", "call", "after", "pe")));
    }

    [Fact]
    public async Task A_child_s_uncaught_error_is_listed_on_the_parent_and_resolving_it_there_moves_both_on()
    {
        var parent = await erik.StartInstanceAsync("order-device");
        var parentId = parent["id"]!.GetValue<Guid>();

        var shown = (await HttpAssert.StatusAsync(await admin.GetAsync($"/api/instances/{parentId}"), HttpStatusCode.OK))!;
        Assert.Equal("Faulted", shown.Status());
        Assert.Null(shown["endedAt"]);
        var onCall = Assert.IsType<JsonObject>(Assert.Single(shown["incidents"]!.AsArray()));
        Assert.Equal("call", onCall["elementId"]!.GetValue<string>());
        Assert.Contains("invalid-device", onCall["error"]!.GetValue<string>());
        var listed = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents"));
        Assert.Contains(listed, i => i!["instanceId"]!.GetValue<Guid>() == parentId && i["elementId"]!.GetValue<string>() == "call");
        var childId = await ChildOfAsync(parentId);
        Assert.Contains(listed, i => i!["instanceId"]!.GetValue<Guid>() == childId && i["elementId"]!.GetValue<string>() == "check");

        var resolved = (await HttpAssert.StatusAsync(
            await admin.PostAsJsonAsync($"/api/incidents/{onCall["id"]}/resolve", new { variables = new { checkedBy = "admin" } }), HttpStatusCode.OK))!;

        Assert.Equal("Running", resolved.Status());
        Assert.Equal(["after"], resolved["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("admin", resolved["variables"]!["checkedBy"]!.GetValue<string>());
        var left = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents"));
        Assert.DoesNotContain(left, i => i!["instanceId"]!.GetValue<Guid>() == parentId || i["instanceId"]!.GetValue<Guid>() == childId);
    }

    [Fact]
    public async Task Cancelling_the_parent_ends_it_and_its_child_and_closes_both_incidents()
    {
        var parentId = (await erik.StartInstanceAsync("order-device"))["id"]!.GetValue<Guid>();
        var childId = await ChildOfAsync(parentId);

        var cancelled = (await HttpAssert.StatusAsync(await erik.PostAsync($"/api/instances/{parentId}/cancel", null), HttpStatusCode.OK))!;

        Assert.Equal("Cancelled", cancelled.Status());
        Assert.NotNull(Assert.Single(cancelled["incidents"]!.AsArray())!["resolvedAt"]);
        var child = (await HttpAssert.StatusAsync(await admin.GetAsync($"/api/instances/{childId}"), HttpStatusCode.OK))!;
        Assert.Equal("Cancelled", child.Status());
        Assert.All(child["incidents"]!.AsArray(), i => Assert.NotNull(i!["resolvedAt"]));
        var listed = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents"));
        Assert.DoesNotContain(listed, i => i!["instanceId"]!.GetValue<Guid>() == parentId || i["instanceId"]!.GetValue<Guid>() == childId);
    }

    private async Task<Guid> ChildOfAsync(Guid parentId)
    {
        var children = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=check-device"));
        return Assert.Single(children, c => c!["parentInstanceId"]?.GetValue<Guid>() == parentId)!["id"]!.GetValue<Guid>();
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        erik.Dispose();
        return Task.CompletedTask;
    }
}
