using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Api;

/// <summary>
/// The REST API end to end on the real engine and a real SQLite file: every endpoint's happy path and the
/// refusals the engine decides (starter roles, task ownership, double completion). Filter: <c>EngineApiTests</c>.
/// Definitions, instances and messages are here; tasks, clock and journal in EngineApiTests.Tasks.cs.
/// </summary>
public sealed partial class EngineApiTests(HostFactory factory) : IClassFixture<HostFactory>, IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = [];

    [Fact]
    public async Task Deploy_with_publish_returns_201_key_version_and_location()
    {
        var response = await (await As("process.owner")).PostAsync("/api/definitions?publish=true",
            HostFactoryExtensions.Xml(Bpmn.ManagerApproval));

        var body = await HttpAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal("manager-approval", body!["key"]!.GetValue<string>());
        Assert.True(body["version"]!.GetValue<int>() >= 1);
        Assert.True(body["published"]!.GetValue<bool>());
        Assert.Equal("/api/definitions/manager-approval", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Deployed_definition_is_listed_with_its_versions_and_xml()
    {
        var deployed = await factory.DeployAsync(Bpmn.TimerWait, user: "admin");
        var version = deployed["version"]!.GetValue<int>();
        var erik = await As("erik.anstalld");

        var list = await HttpAssert.ArrayAsync(await erik.GetAsync("/api/definitions"));
        Assert.Contains(list, d => d!["key"]!.GetValue<string>() == "timer-wait");

        var definition = await HttpAssert.StatusAsync(await erik.GetAsync("/api/definitions/timer-wait"), HttpStatusCode.OK);
        Assert.Contains(definition!["versions"]!.AsArray(), v => v!["version"]!.GetValue<int>() == version);

        var xml = await erik.GetAsync($"/api/definitions/timer-wait/versions/{version}/xml");
        await HttpAssert.StatusAsync(xml, HttpStatusCode.OK);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Timer_Wait", await xml.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unpublished_version_is_published_by_a_process_owner_only()
    {
        var deployed = await factory.DeployAsync(Bpmn.AssignedReview, publish: false);
        Assert.False(deployed["published"]!.GetValue<bool>());
        var path = $"/api/definitions/employee-request/versions/{deployed["version"]}/publish";

        await HttpAssert.ProblemAsync(await (await As("erik.anstalld")).PostAsync(path, null), HttpStatusCode.Forbidden);
        var published = await HttpAssert.StatusAsync(await (await As("process.owner")).PostAsync(path, null), HttpStatusCode.OK);

        Assert.True(published!["published"]!.GetValue<bool>());
        Assert.Equal(deployed["version"]!.GetValue<int>(), published["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publishing_a_missing_version_is_404()
    {
        await HttpAssert.ProblemAsync(
            await (await As("process.owner")).PostAsync("/api/definitions/no-such-process/versions/1/publish", null),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Employee_deploying_is_403_and_nothing_is_stored()
    {
        var response = await (await As("erik.anstalld")).PostAsync("/api/definitions", HostFactoryExtensions.Xml(
            Bpmn.TimerWait.Replace("\"timer-wait\"", "\"erik-process\"")));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await (await As("admin")).GetAsync("/api/definitions/erik-process"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unsupported_element_is_400_naming_it_and_nothing_is_stored()
    {
        var response = await (await As("process.owner")).PostAsync("/api/definitions?publish=true",
            HostFactoryExtensions.Xml(Bpmn.UnsupportedElement));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["elementId"]?.GetValue<string>() == "Gateway_Complex"
                                     && e["line"]!.GetValue<int>() > 0
                                     && !string.IsNullOrWhiteSpace(e["message"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(await (await As("admin")).GetAsync("/api/definitions/bad-complex"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_xml_is_400_with_a_line_and_nothing_is_stored()
    {
        var response = await (await As("process.owner")).PostAsync("/api/definitions", HostFactoryExtensions.Xml(Bpmn.Malformed));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["line"]!.GetValue<int>() > 0);
        await HttpAssert.ProblemAsync(await (await As("admin")).GetAsync("/api/definitions/broken"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_definition_and_version_are_404()
    {
        var admin = await As("admin");
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/definitions/no-such-process"), HttpStatusCode.NotFound);
        await factory.DeployAsync(Bpmn.TimerWait);
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/definitions/timer-wait/versions/999/xml"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_returns_201_with_the_instance()
    {
        await factory.DeployAsync(Bpmn.ManagerApproval);

        var response = await (await As("anna.chef")).PostAsJsonAsync("/api/instances",
            new { definitionKey = "manager-approval", businessKey = "ORDER-1", variables = new { amount = 500 } });

        var instance = await HttpAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/instances/{instance!["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal("manager-approval", instance["definitionKey"]!.GetValue<string>());
        Assert.True(instance["version"]!.GetValue<int>() >= 1);
        Assert.Equal("ORDER-1", instance["businessKey"]!.GetValue<string>());
        Assert.Equal("Running", instance["status"]!.GetValue<string>());
        Assert.Equal(500, instance["variables"]!["amount"]!.GetValue<int>());
        Assert.Contains(instance["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "Task_Approve");
        Assert.Empty(instance["incidents"]!.AsArray());
    }

    [Fact]
    public async Task Starting_without_a_starter_role_is_403()
    {
        await factory.DeployAsync(Bpmn.ManagerApproval);

        var response = await (await As("erik.anstalld")).PostAsJsonAsync("/api/instances",
            new { definitionKey = "manager-approval", variables = new { } });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        var eriksInstances = await HttpAssert.ArrayAsync(await (await As("erik.anstalld")).GetAsync("/api/instances?definitionKey=manager-approval"));
        Assert.DoesNotContain(eriksInstances, i => i!["startedBy"]?.GetValue<string>() == "erik.anstalld");
    }

    [Fact]
    public async Task Starting_an_unknown_definition_is_404()
    {
        await HttpAssert.ProblemAsync(await (await As("admin")).PostAsJsonAsync("/api/instances",
            new { definitionKey = "no-such-process" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Instance_is_read_by_its_starter_and_not_by_an_unrelated_employee()
    {
        var instance = await StartAsync("erik.anstalld", Bpmn.TimerWait, "timer-wait");
        var path = $"/api/instances/{instance["id"]}";

        var read = await HttpAssert.StatusAsync(await (await As("erik.anstalld")).GetAsync(path), HttpStatusCode.OK);
        Assert.Equal(instance["id"]!.GetValue<Guid>(), read!["id"]!.GetValue<Guid>());
        await HttpAssert.StatusAsync(await (await As("admin")).GetAsync(path), HttpStatusCode.OK);

        var other = await (await As("maja.mobil")).GetAsync(path);
        Assert.Contains(other.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        await HttpAssert.ProblemAsync(await (await As("admin")).GetAsync($"/api/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Instances_are_filtered_by_definition_key_and_status()
    {
        var running = await StartAsync("erik.anstalld", Bpmn.MessageWait, "risk-wait", new { unitId = "FILTER-1" });
        var cancelled = await StartAsync("erik.anstalld", Bpmn.MessageWait, "risk-wait", new { unitId = "FILTER-2" });
        await HttpAssert.StatusAsync(await (await As("admin")).PostAsync($"/api/instances/{cancelled["id"]}/cancel", null), HttpStatusCode.OK);
        var admin = await As("admin");

        var runningList = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=risk-wait&status=running"));
        Assert.Contains(runningList, i => i!["id"]!.GetValue<Guid>() == running["id"]!.GetValue<Guid>());
        Assert.DoesNotContain(runningList, i => i!["id"]!.GetValue<Guid>() == cancelled["id"]!.GetValue<Guid>());
        Assert.All(runningList, i => Assert.Equal("Running", i!["status"]!.GetValue<string>()));

        var cancelledList = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?status=Cancelled"));
        Assert.Contains(cancelledList, i => i!["id"]!.GetValue<Guid>() == cancelled["id"]!.GetValue<Guid>());

        var otherKey = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=timer-wait"));
        Assert.DoesNotContain(otherKey, i => i!["definitionKey"]!.GetValue<string>() != "timer-wait");
    }

    [Fact]
    public async Task Cancel_ends_the_instance_and_an_unrelated_employee_may_not()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var path = $"/api/instances/{instance["id"]}/cancel";

        var refused = await (await As("maja.mobil")).PostAsync(path, null);
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        var cancelled = await HttpAssert.StatusAsync(await (await As("admin")).PostAsync(path, null), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled!["status"]!.GetValue<string>());
        Assert.Empty(await HttpAssert.ArrayAsync(await (await As("anna.chef")).GetAsync($"/api/tasks?instanceId={instance["id"]}")));
    }

    [Fact]
    public async Task Message_with_nothing_waiting_is_404()
    {
        var response = await (await As("sam.service")).PostAsJsonAsync("/api/messages",
            new { name = "risk-assessment-approved", correlationKey = "NOBODY-WAITS", variables = new { } });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Matched_message_returns_the_count_and_the_instance_proceeds()
    {
        var instance = await StartAsync("erik.anstalld", Bpmn.MessageWait, "risk-wait", new { unitId = "U-42" });
        Assert.Contains(instance["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "Catch_Approved");

        var body = await HttpAssert.StatusAsync(await (await As("sam.service")).PostAsJsonAsync("/api/messages",
            new { name = "risk-assessment-approved", correlationKey = "U-42", variables = new { approvedBy = "sara.skyddsombud" } }),
            HttpStatusCode.OK);

        Assert.Equal(1, body!["matched"]!.GetValue<int>());
        var after = await GetInstanceAsync(instance);
        Assert.Equal("Completed", after["status"]!.GetValue<string>());
        Assert.Equal("sara.skyddsombud", after["variables"]!["approvedBy"]!.GetValue<string>());
    }

    private async Task<HttpClient> As(string user)
    {
        if (!clients.TryGetValue(user, out var client)) clients[user] = client = await factory.ClientFor(user);
        return client;
    }

    private async Task<JsonObject> StartAsync(string user, string bpmn, string key, object? variables = null)
    {
        await factory.DeployAsync(bpmn);
        var response = await (await As(user)).PostAsJsonAsync("/api/instances",
            new { definitionKey = key, variables = variables ?? new { } });
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
    }

    private async Task<JsonObject> GetInstanceAsync(JsonObject instance) =>
        (await HttpAssert.StatusAsync(await (await As("admin")).GetAsync($"/api/instances/{instance["id"]}"), HttpStatusCode.OK))!;

    public void Dispose()
    {
        foreach (var client in clients.Values) client.Dispose();
    }
}
