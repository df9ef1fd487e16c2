using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Policies;

/// <summary>The policy editor (/policies, /policies/{set}): process owners change decision tables through the page.</summary>
public sealed class PolicyEditorTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string CaseName = "Delad anknytning, ny telefon";

    /// <summary>Someone like Erik: shares the ward's extension, no device, orders a new phone.</summary>
    private static readonly JsonArray Cases =
    [
        new JsonObject
        {
            ["name"] = CaseName,
            ["facts"] = new JsonObject
            {
                ["employee"] = new JsonObject { ["id"] = "t-1", ["roles"] = new JsonArray("Employee"), ["sharesExtension"] = true },
                ["unit"] = new JsonObject { ["id"] = "HS-KIR-AVD1", ["rollout"] = "None" },
                ["request"] = new JsonObject { ["deviceType"] = "Phone", ["reason"] = "New", ["underRollout"] = false },
            },
            ["expected"] = new JsonObject { ["outcome"] = "Alternative", ["outputs"] = new JsonObject { ["suggestedDeviceType"] = "DataOnlyPhone" } },
        },
    ];

    [Fact]
    public async Task A_process_owner_changes_a_row_is_refused_publishing_until_the_case_is_updated_and_the_next_order_uses_the_new_version()
    {
        using (var owner = await App.ApiAs("process.owner"))
            await HttpAssert.StatusAsync(await owner.PutAsync("/api/policies/entitlement/tests", JsonContent.Create(Cases)), HttpStatusCode.OK);
        var page = await SignedInAsync("process.owner", "/policies");
        await Assertions.Expect(page.GetByTestId("policy-version-entitlement-1")).ToContainTextAsync("Gäller nu");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("policy-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "entitlement", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/policies/entitlement");
        var tests = page.GetByTestId("policy-tests");
        await Assertions.Expect(tests.GetByTestId("test-case-result")).ToContainTextAsync("Går igenom");
        await tests.GetByRole(AriaRole.Button, new() { Name = $"Använd i simulatorn: {CaseName}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-simulator").GetByLabel("employee.sharesExtension", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByTestId("sim-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sim-published-outcome")).ToHaveTextAsync("Alternative");

        // The shared-extension phone is now refused outright.
        var outcome = page.GetByLabel("SharedExtensionPhone: Utfall", new() { Exact = true });
        await outcome.FillAsync("Denied");
        await outcome.PressAsync("Tab");
        await page.GetByTestId("policy-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("policy-status")).ToContainTextAsync("Sparad som version 2; 1 testfall misslyckas");
        await Assertions.Expect(page.GetByTestId("sim-draft-outcome")).ToHaveTextAsync("Denied");
        await Assertions.Expect(page.GetByTestId("sim-published-outcome")).ToHaveTextAsync("Alternative");
        await Assertions.Expect(tests.GetByTestId("test-case-result")).ToContainTextAsync("expected Alternative, decided Denied");
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=policy-grid]').scrollLeft = 0; window.scrollTo(0, 0); }");
        await page.SaveScreenshotAsync("policy-editor");

        await page.GetByTestId("policy-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToContainTextAsync($"Version 2 kan inte publiceras medan testfall misslyckas: «{CaseName}»");
        using var api = await App.ApiAs("process.owner");
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!["publishedVersion"]!.GetValue<int>());

        await tests.GetByLabel("Förväntat utfall").FillAsync("Denied");
        await tests.GetByTestId("tests-save").ClickAsync();
        await Assertions.Expect(tests.GetByTestId("tests-message")).ToContainTextAsync("Testfallen är sparade");
        await Assertions.Expect(tests.GetByTestId("test-case-result")).ToContainTextAsync("Går igenom (regel SharedExtensionPhone)");
        await page.GetByLabel("Anteckning om ändringen").FillAsync("Delad anknytning ger inte längre telefon");
        await page.GetByTestId("policy-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToContainTextAsync("Version 2 är publicerad");
        var publishedV2 = (await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!["versions"]!.AsArray()
            .Single(v => v!["version"]!.GetValue<int>() == 2)!;
        Assert.Equal("Delad anknytning ger inte längre telefon", publishedV2["publishNote"]!.GetValue<string>());
        await Assertions.Expect(page.GetByTestId("policy-versions")).ToContainTextAsync("Version 2 gäller nu");
        await page.GetByTestId("compare-with").SelectOptionAsync("1");
        var changed = Rule(page, "SharedExtensionPhone");
        await Assertions.Expect(changed).ToHaveAttributeAsync("data-change", "Changed");
        await Assertions.Expect(changed.Locator("td[data-changed=true]")).ToContainTextAsync("I version 1: Alternative");
        await Assertions.Expect(Rule(page, "Otherwise")).ToHaveAttributeAsync("data-change", "Same");

        using var erik = await App.ApiAs("erik.anstalld");
        var order = await erik.StartInstanceAsync("ordering", new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New" });
        var id = order["id"]!.GetValue<string>();
        var entitlement = await FirstDecisionAsync(erik, id, "entitlement");
        Assert.Equal((2, "Denied", "SharedExtensionPhone"),
            (entitlement["version"]!.GetValue<int>(), entitlement["outcome"]!.GetValue<string>(), entitlement["reasons"]![0]!["rule"]!.GetValue<string>()));

        await page.GotoAsync($"/instances/{id}");
        await Assertions.Expect(page.GetByTestId("decision-entitlement")).ToContainTextAsync("entitlement version 2");
        await Assertions.Expect(page.GetByTestId("decision-entitlement")).ToContainTextAsync("Denied");
    }

    [Fact]
    public async Task A_cell_the_server_cannot_compile_is_marked_on_that_cell_and_nothing_is_stored()
    {
        var page = await SignedInAsync("process.owner", "/policies/entitlement");
        var cell = page.GetByLabel("AlreadyHasDevice: request.reason", new() { Exact = true });

        await cell.FillAsync("Stolen");
        await cell.PressAsync("Tab");
        await page.GetByTestId("policy-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("policy-status")).ToHaveTextAsync("Inget sparades.");
        await Assertions.Expect(cell).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await cell.GetAttributeAsync("aria-describedby");
        await Assertions.Expect(page.Locator($"#{describedBy}")).ToContainTextAsync("Stolen");
        using var api = await App.ApiAs("process.owner");
        var set = (await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!;
        Assert.Single(set["versions"]!.AsArray());
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("policy-editor-error");
    }

    [Fact]
    public async Task Each_edit_is_checked_on_the_server_as_it_is_made_and_its_error_shown_on_its_cell_until_fixed()
    {
        var page = await SignedInAsync("process.owner", "/policies/entitlement");
        var cell = page.GetByLabel("AlreadyHasDevice: request.reason", new() { Exact = true });

        // Typed, not left, not saved: the check runs once the typing pauses.
        await cell.FillAsync("<< 3");

        await Assertions.Expect(cell).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await cell.GetAttributeAsync("aria-describedby");
        await Assertions.Expect(page.Locator($"#{describedBy}")).ToContainTextAsync("<< 3");
        await Assertions.Expect(page.GetByTestId("policy-errors")).ToContainTextAsync("1 fel i tabellen");
        await Assertions.Expect(page.GetByTestId("policy-status")).ToHaveTextAsync("Ändringar som inte är sparade.");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("policy-editor-live-check");

        await cell.FillAsync("New, Loss");
        await Assertions.Expect(cell).ToHaveAttributeAsync("aria-invalid", "false");
        await Assertions.Expect(page.GetByTestId("policy-errors")).ToHaveCountAsync(0);

        // A row added is checked at once: its empty outcome is marked; removing it clears the table again.
        await page.GetByTestId("policy-add-row").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Rule9: Utfall", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Rule9" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-errors")).ToHaveCountAsync(0);

        using var api = await App.ApiAs("process.owner");
        Assert.Single((await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!["versions"]!.AsArray());
        await page.GetByTestId("policy-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-status")).ToContainTextAsync("Sparad som version 2");
        var table = (await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!["table"]!;
        Assert.Equal("New, Loss", table["rows"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "AlreadyHasDevice")!["cells"]!["request.reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_compared_with_the_published_version_shows_added_changed_and_removed_rows_in_the_grid()
    {
        using (var api = await App.ApiAs("process.owner"))
        {
            var table = (await api.GetFromJsonAsync<JsonObject>("/api/policies/entitlement"))!["table"]!.AsObject();
            var rows = table["rows"]!.AsArray();
            var added = rows[0]!.DeepClone().AsObject();
            added["name"] = "LossOnly";
            added["cells"]!["request.reason"] = "Loss";
            rows.Insert(1, added);
            rows.Remove(rows.Single(r => r!["name"]!.GetValue<string>() == "Manager"));
            rows.Single(r => r!["name"]!.GetValue<string>() == "Otherwise")!["outcome"] = "Denied";
            await HttpAssert.StatusAsync(await api.PutAsync("/api/policies/entitlement", JsonContent.Create(table)), HttpStatusCode.Created);
        }
        var page = await SignedInAsync("process.owner", "/policies/entitlement");

        await page.GetByTestId("compare-with").SelectOptionAsync("1");

        await Assertions.Expect(page.GetByTestId("compare-summary")).ToHaveTextAsync("Jämfört med version 1: 1 nya, 1 ändrade, 1 borttagna och 0 flyttade regler.");
        await Assertions.Expect(Rule(page, "LossOnly")).ToHaveAttributeAsync("data-change", "Added");
        await Assertions.Expect(Rule(page, "LossOnly").GetByTestId("policy-change-chip")).ToHaveTextAsync("Ny");
        var otherwise = Rule(page, "Otherwise");
        await Assertions.Expect(otherwise).ToHaveAttributeAsync("data-change", "Changed");
        var outcome = page.GetByLabel("Otherwise: Utfall", new() { Exact = true });
        var was = await outcome.GetAttributeAsync("aria-describedby");
        await Assertions.Expect(page.Locator($"#{was}")).ToHaveTextAsync("I version 1: ManagerJudgement");
        await Assertions.Expect(otherwise.Locator("td[data-changed=true]")).ToHaveCountAsync(1);
        var removed = page.GetByTestId("policy-removed-Manager");
        await Assertions.Expect(removed).ToContainTextAsync("Borttagen");
        Assert.Equal(
            ["ReplacementOrLoss", "LossOnly", "AlreadyHasDevice", "UnitUnderRollout", "Manager", "NeedsCalls", "SharedExtensionPhone", "SharedExtensionDataDevice", "Otherwise"],
            await page.Locator("[data-testid=policy-grid] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rule)"));
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=policy-grid]').scrollLeft = 0; window.scrollTo(0, 0); }");
        await page.SaveScreenshotAsync("policy-editor-compare");

        // A removed row can be brought back where it stood; it is then the same as in version 1.
        await removed.GetByRole(AriaRole.Button, new() { Name = "Återställ Manager" }).ClickAsync();
        await Assertions.Expect(Rule(page, "Manager")).ToHaveAttributeAsync("data-change", "Same");
        await Assertions.Expect(page.GetByTestId("compare-summary")).ToHaveTextAsync("Jämfört med version 1: 1 nya, 1 ändrade, 0 borttagna och 0 flyttade regler.");

        // Under the First hit policy order decides: a row moved past others is marked with where it stood.
        await MoveUpAsync(page, "SharedExtensionDataDevice");
        await MoveUpAsync(page, "SharedExtensionDataDevice");
        await Assertions.Expect(Rule(page, "SharedExtensionDataDevice").GetByTestId("policy-change-chip")).ToHaveTextAsync("Flyttad från 7");
        await Assertions.Expect(Rule(page, "NeedsCalls").GetByTestId("policy-change-chip")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compare-summary")).ToHaveTextAsync("Jämfört med version 1: 1 nya, 1 ändrade, 0 borttagna och 1 flyttade regler.");
    }

    [Fact]
    public async Task Someone_who_is_not_a_process_owner_is_refused_the_policy_editor()
    {
        var page = await SignedInAsync("anna.chef", "/");

        await page.GotoAsync("/policies/entitlement");

        await page.WaitForURLAsync("**/access-denied**");
        await Assertions.Expect(page.GetByTestId("policy-grid")).ToHaveCountAsync(0);
    }

    /// <summary>Moves a row up one place and waits until the grid shows it there (a busy server re-renders late).</summary>
    private static async Task MoveUpAsync(IPage page, string rule)
    {
        var rows = page.Locator("[data-testid=policy-grid] tbody tr");
        async Task<int> IndexAsync() => await rows.EvaluateAllAsync<int>("(rows, rule) => rows.findIndex(r => r.dataset.rule === rule)", rule);
        var before = await IndexAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Flytta upp {rule}" }).ClickAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await IndexAsync() == before && waited.Elapsed < TimeSpan.FromSeconds(30)) await page.WaitForTimeoutAsync(100);
        Assert.True(await IndexAsync() < before, $"{rule} did not move up.");
    }

    private static ILocator Rule(IPage page, string rule) => page.Locator($"[data-testid=policy-grid] tbody tr[data-rule='{rule}']");

    private static async Task<JsonObject> FirstDecisionAsync(HttpClient client, string instanceId, string set)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var decisions = await client.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/decisions");
            if (decisions!.FirstOrDefault(d => d!["set"]!.GetValue<string>() == set) is JsonObject decision) return decision;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {set} decision for instance {instanceId}.");
            await Task.Delay(200);
        }
    }
}
