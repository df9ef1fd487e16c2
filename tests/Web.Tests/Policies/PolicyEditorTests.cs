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
        await page.GetByTestId("compare-run").ClickAsync();
        var changed = page.GetByTestId("compare-SharedExtensionPhone");
        await Assertions.Expect(changed).ToHaveAttributeAsync("data-change", "Changed");
        await Assertions.Expect(changed).ToContainTextAsync("outcome");
        await Assertions.Expect(page.GetByTestId("compare-Otherwise")).ToHaveAttributeAsync("data-change", "Same");

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
    public async Task Someone_who_is_not_a_process_owner_is_refused_the_policy_editor()
    {
        var page = await SignedInAsync("anna.chef", "/");

        await page.GotoAsync("/policies/entitlement");

        await page.WaitForURLAsync("**/access-denied**");
        await Assertions.Expect(page.GetByTestId("policy-grid")).ToHaveCountAsync(0);
    }

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
