using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Operations;

/// <summary>Drift: /incidents, /instances and /instances/{id}, as Admin (acts) and the service center (reads).</summary>
public sealed class OperationsPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly Regex Active = new(@"\brjh-active\b");
    private static readonly Regex Incident = new(@"\brjh-incident\b");

    /// <summary>A job gives up after two quick attempts, so a bad employee id becomes an incident within a second.</summary>
    protected override (string Key, string? Value)[] Settings => [("Engine:Jobs:MaxAttempts", "2")];

    [Fact]
    public async Task An_incident_opened_from_the_list_is_retried_with_a_changed_variable_and_the_instance_completes()
    {
        await App.Host.DeployAsync(OperationsProcess.Xml, user: "admin");
        using var api = await App.ApiAs("admin");
        var started = await api.StartInstanceAsync(OperationsProcess.Key, new { employeeId = "ingen.sadan" });
        var id = started["id"]!.GetValue<Guid>();
        await api.WaitForInstanceAsync(id, i => i["incidents"]!.AsArray().Any(x => x!["resolvedAt"] is null));

        var page = await SignedInAsync("admin", "/incidents");
        var row = page.GetByTestId("incidents").GetByRole(AriaRole.Row).Filter(new() { HasText = "Skapa anknytning" });
        await Assertions.Expect(row).ToContainTextAsync(OperationsProcess.Name);
        await Assertions.Expect(row).ToContainTextAsync("2");
        await page.AssertAccessibleAsync();
        var open = row.GetByRole(AriaRole.Link, new() { Name = "Öppna" });
        await page.TabToAsync(open);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/instances/{id}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(OperationsProcess.Name);
        // A step that failed for good stops the instance until someone acts.
        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Stoppad av fel");
        await Assertions.Expect(page.GetByTestId("incident")).ToContainTextAsync("Skapa anknytning");
        var diagram = page.GetByTestId("process-diagram");
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-rendered", "true");
        var step = diagram.Locator($"g.djs-element[data-element-id='{OperationsProcess.Step}']");
        await Assertions.Expect(step).ToHaveClassAsync(Active);
        await Assertions.Expect(step).ToHaveClassAsync(Incident);
        await Assertions.Expect(diagram.Locator($".rjh-token-badge[data-element-id='{OperationsProcess.Step}']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("variables")).ToContainTextAsync("ingen.sadan");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("Incident: steget misslyckades");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("instance");

        await page.GetByLabel("Variabelns namn, rad 1").FillAsync("employeeId");
        await page.GetByLabel("Nytt värde, rad 1").FillAsync("erik.anstalld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Försök igen" }).ClickAsync();

        // The page follows the instance by itself: the job runs after the retry, on a worker.
        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Avslutad", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("incident")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("Steget försöktes igen");
        var done = (await api.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
        Assert.Equal("Completed", done.Status());
        Assert.Equal("erik.anstalld", done["variables"]!["employeeId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(done["variables"]!["extensionNumber"]?.GetValue<string>()));
        Assert.Empty(await App.GetArrayAsync("admin", "/api/incidents"));
    }

    [Fact]
    public async Task The_service_center_filters_the_instances_and_opens_one_with_its_current_step_marked_but_cannot_act()
    {
        var eriks = await StartOrderAsync("erik.anstalld");
        await StartOrderAsync("maja.mobil");

        var page = await SignedInAsync("sam.service", "/instances");
        var list = page.GetByTestId("instances");
        await Assertions.Expect(list).ToContainTextAsync("erik.anstalld");
        await Assertions.Expect(list).ToContainTextAsync("maja.mobil");
        await Assertions.Expect(page.GetByTestId("status-counts")).ToContainTextAsync("Pågår");

        var person = page.GetByLabel("Person");
        await page.TabToAsync(person);
        await page.Keyboard.TypeAsync("maja.mobil");
        await Assertions.Expect(list).Not.ToContainTextAsync("erik.anstalld");
        await Assertions.Expect(list).ToContainTextAsync("maja.mobil");
        await Assertions.Expect(page.GetByTestId("status-counts")).ToContainTextAsync("1 instanser");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Avbruten", Exact = true }).ClickAsync();
        await Assertions.Expect(list).ToContainTextAsync("Inga instanser matchar filtret.");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/instances/{eriks}");
        var diagram = page.GetByTestId("process-diagram");
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(diagram.Locator("g.djs-element[data-element-id='acceptAlternative']")).ToHaveClassAsync(Active);
        await Assertions.Expect(page.GetByTestId("current-steps")).ToContainTextAsync("Ta ställning till alternativ");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Avbryt instansen" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        // Incidents are for admins only, in the menu and when the address is typed.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Incidenter" })).ToHaveCountAsync(0);
        await page.GotoAsync("/incidents");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_cancels_an_instance_after_confirming_and_reaches_the_job_dashboard_from_the_menu()
    {
        var eriks = await StartOrderAsync("erik.anstalld");

        var page = await SignedInAsync("admin", $"/instances/{eriks}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avbryt instansen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, avbryt instansen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Avbruten");
        Assert.Equal("Cancelled", (await App.GetJsonAsync("admin", $"/api/instances/{eriks}")).Status());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Jobb (Hangfire)" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire**");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("RJH Device Workflows: jobs"));
    }

    [Fact]
    public async Task An_employee_is_refused_the_instance_list()
    {
        var page = await SignedInAsync("erik.anstalld");

        await page.GotoAsync("/instances");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Processinstanser" })).ToHaveCountAsync(0);
    }

    /// <summary>The person orders a phone for themself; the order runs (waiting for them or someone else).</summary>
    private async Task<Guid> StartOrderAsync(string user)
    {
        using var api = await App.ApiAs(user);
        var order = await api.StartInstanceAsync("ordering", new { employeeId = user, deviceType = "Phone", reason = "New", underRollout = false });
        var id = order["id"]!.GetValue<Guid>();
        await api.WaitForInstanceAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() is "acceptAlternative" or "approveOrder")
            || i.Status() != "Running");
        return id;
    }
}
