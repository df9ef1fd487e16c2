using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

/// <summary>
/// Completing a shipped workflow's task through the API is checked against its form (workflows/forms): a forged or
/// incomplete post is refused with 400 naming the field, and the task and its process stay as they were.
/// </summary>
public sealed class TaskFormApiTests : IAsyncLifetime
{
    private HostFactory host = default!;
    private HttpClient olle = default!;
    private JsonObject task = default!;

    public async Task InitializeAsync()
    {
        host = HostFactory.WithDemo(null, ("Engine:ClockStart", RJH.DeviceWorkflows.Testing.TestClock.Start.ToString("O")));
        using (var maja = await host.ClientFor("maja.mobil"))
            await maja.StartInstanceAsync("ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" });
        olle = await host.ClientFor("olle.chef");
        for (var i = 0; i < 100 && task is null; i++)
        {
            var tasks = await olle.GetFromJsonAsync<JsonArray>("/api/tasks");
            task = tasks!.OfType<JsonObject>().FirstOrDefault(t => t["formKey"]!.GetValue<string>() == "approve-order")!;
            if (task is null) await Task.Delay(100);
        }
        Assert.NotNull(task);
    }

    public async Task DisposeAsync()
    {
        olle.Dispose();
        await host.DisposeAsync();
    }

    private async Task<JsonObject> RefusedAsync(object variables)
    {
        using var response = await olle.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables });
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        using var again = await olle.GetAsync($"/api/tasks/{task["id"]}");
        Assert.Equal("Open", (await HttpAssert.StatusAsync(again, HttpStatusCode.OK))!["status"]!.GetValue<string>());
        return problem["errors"]!.AsObject();
    }

    [Fact]
    public async Task A_forged_field_that_would_change_who_approves_is_refused_naming_it()
    {
        var errors = await RefusedAsync(new { approved = true, employee = new { managerUserName = "maja.mobil" } });

        Assert.Contains("employee", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_missing_decision_a_wrong_type_and_a_value_outside_the_options_are_refused()
    {
        Assert.Contains("approved", (await RefusedAsync(new { justification = "Saknar beslut" })).Select(e => e.Key));
        Assert.Contains("approved", (await RefusedAsync(new { approved = "ja" })).Select(e => e.Key));
        Assert.Contains("justification", (await RefusedAsync(new { approved = true, justification = 42 })).Select(e => e.Key));
    }

    [Fact]
    public async Task A_rejection_needs_a_justification_and_with_one_the_task_completes()
    {
        Assert.Equal("Fältet är obligatoriskt.",
            (await RefusedAsync(new { approved = false }))["justification"]![0]!.GetValue<string>());

        using var response = await olle.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { approved = false, justification = "Ingen budget i år" } });
        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Someone_elses_task_is_refused_before_its_form_is_looked_at()
    {
        using var erik = await host.ClientFor("erik.anstalld");
        using var response = await erik.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { nonsense = 1 } });

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.DoesNotContain("nonsense", await response.Content.ReadAsStringAsync());
    }
}
