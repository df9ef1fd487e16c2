using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Incidents;

/// <summary>A host whose job activities give up quickly: two attempts, 0.2 s apart.</summary>
public sealed class FastRetryHost : IAsyncLifetime
{
    public HostFactory Host { get; } = HostFactory.With(overrides:
        [("Engine:Jobs:MaxAttempts", "2"), ("Engine:Jobs:BaseDelay", "00:00:00.2")]).ConfigureTestServices(TestActivities.Add);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// A job activity that keeps failing, through real Hangfire: retries, then an incident an admin sees, retries
/// or resolves through the API.
/// </summary>
public sealed class IncidentEndpointTests(FastRetryHost fixture) : IClassFixture<FastRetryHost>, IAsyncLifetime
{
    private HttpClient admin = null!;
    private HttpClient erik = null!;

    public async Task InitializeAsync()
    {
        admin = await fixture.Host.ClientFor("admin");
        erik = await fixture.Host.ClientFor("erik.anstalld");
        await fixture.Host.DeployAsync(Processes.OneJob("flaky-job", "Test.Flaky"));
    }

    [Fact]
    public async Task Failing_job_becomes_an_incident_and_a_retry_after_the_fix_completes_the_instance()
    {
        var run = Guid.NewGuid().ToString("N");
        var (instance, incident) = await FailUntilIncidentAsync(run);

        Assert.Equal("call", incident["elementId"]!.GetValue<string>());
        Assert.Equal(2, incident["attempts"]!.GetValue<int>());
        Assert.Contains("503", incident["error"]!.GetValue<string>());
        Assert.Equal(2, FlakyActivity.CallsFor(run));
        var listed = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents"));
        var item = Assert.Single(listed, i => i!["id"]!.GetValue<Guid>() == incident["id"]!.GetValue<Guid>())!;
        Assert.Equal(instance["id"]!.GetValue<Guid>(), item["instanceId"]!.GetValue<Guid>());
        Assert.Equal("flaky-job", item["definitionKey"]!.GetValue<string>());
        Assert.Equal("call", item["elementId"]!.GetValue<string>());

        FlakyActivity.Recover(run);
        var retried = await HttpAssert.StatusAsync(
            await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { variables = new { retriedBy = "admin" } }),
            HttpStatusCode.OK);

        Assert.Equal(instance["id"]!.GetValue<Guid>(), retried!["id"]!.GetValue<Guid>());
        Assert.NotEqual("Faulted", retried.Status());
        var done = await admin.WaitForInstanceAsync(instance["id"]!, i => i.Status() == "Completed");
        Assert.Equal("admin", done["variables"]!["retriedBy"]!.GetValue<string>());
        Assert.Equal("SN-" + run, done["variables"]!["callResult"]!["serial"]!.GetValue<string>());
        Assert.NotNull(Assert.Single(done["incidents"]!.AsArray())!["resolvedAt"]);
        Assert.DoesNotContain(await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents")),
            i => i!["id"]!.GetValue<Guid>() == incident["id"]!.GetValue<Guid>());

        await HttpAssert.ProblemAsync(await admin.PostAsync($"/api/incidents/{incident["id"]}/retry", null), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await admin.PostAsync($"/api/incidents/{incident["id"]}/resolve", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolving_by_hand_moves_the_instance_on_with_the_given_variables_and_a_second_resolve_is_409()
    {
        var run = Guid.NewGuid().ToString("N");
        var (instance, incident) = await FailUntilIncidentAsync(run);
        var path = $"/api/incidents/{incident["id"]}/resolve";

        var resolved = await HttpAssert.StatusAsync(
            await admin.PostAsJsonAsync(path, new { variables = new { serial = "by hand" } }), HttpStatusCode.OK);

        Assert.NotNull(resolved);
        Assert.Equal("Completed", resolved.Status());
        Assert.Equal("by hand", resolved["variables"]!["serial"]!.GetValue<string>());
        Assert.Equal(instance["id"]!.GetValue<Guid>(), resolved["id"]!.GetValue<Guid>());
        Assert.Equal(2, FlakyActivity.CallsFor(run));
        await HttpAssert.ProblemAsync(await admin.PostAsync(path, null), HttpStatusCode.Conflict);
        var journal = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/instances/{instance["id"]}/journal"));
        Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "IncidentResolved");
    }

    [Fact]
    public async Task An_employee_may_neither_list_retry_nor_resolve_incidents_and_nothing_changes()
    {
        var (instance, incident) = await FailUntilIncidentAsync(Guid.NewGuid().ToString("N"));

        await HttpAssert.ProblemAsync(await erik.GetAsync("/api/incidents"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await erik.PostAsync($"/api/incidents/{incident["id"]}/retry", null), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await erik.PostAsync($"/api/incidents/{incident["id"]}/resolve", null), HttpStatusCode.Forbidden);

        // Erik started the instance, so he may read it: still faulted, the incident still open.
        var after = await HttpAssert.StatusAsync(await erik.GetAsync($"/api/instances/{instance["id"]}"), HttpStatusCode.OK);
        Assert.NotNull(after);
        Assert.Equal("Faulted", after.Status());
        Assert.Null(Assert.Single(after["incidents"]!.AsArray())!["resolvedAt"]);
    }

    [Theory]
    [InlineData("retry")]
    [InlineData("resolve")]
    public async Task An_unknown_incident_is_404(string action)
    {
        await HttpAssert.ProblemAsync(await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/{action}", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Variables_that_are_not_an_object_are_400()
    {
        var response = await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry",
            new StringContent("""{"variables":[1,2]}""", null, "application/json"));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>Starts the flaky process as Erik and waits (on the real clock) until its retries are used up.</summary>
    private async Task<(JsonObject Instance, JsonObject Incident)> FailUntilIncidentAsync(string run)
    {
        var started = await erik.StartInstanceAsync("flaky-job", new { run });
        var faulted = await erik.WaitForInstanceAsync(started["id"]!, i => i.Status() == "Faulted");
        return (faulted, Assert.IsType<JsonObject>(Assert.Single(faulted["incidents"]!.AsArray())));
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        erik.Dispose();
        return Task.CompletedTask;
    }
}
