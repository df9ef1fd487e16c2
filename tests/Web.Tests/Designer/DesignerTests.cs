using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>The process designer (/designer, /designer/{key}): process owners change processes through the page only.</summary>
public sealed partial class DesignerTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The class designer.js puts on an element the engine's reader refused.</summary>
    private static readonly Regex Invalid = InvalidMarker();

    [Fact]
    public async Task A_process_owner_changes_a_due_time_saves_a_new_draft_version_and_publishes_it()
    {
        var page = await SignedInAsync("process.owner", "/designer");
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(message.Text);
        };
        var ordering = page.GetByTestId("process-ordering");
        await Assertions.Expect(ordering.GetByTestId("version-ordering-1")).ToContainTextAsync("Gäller nu");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer-list");

        await ordering.GetByRole(AriaRole.Link, new() { Name = "Beställning av mobil enhet", Exact = true }).ClickAsync();
        await DesignerPageSteps.OpenedAsync(page);
        await Assertions.Expect(page.GetByTestId("designer-diagnostics-none")).ToBeVisibleAsync();

        await DesignerPageSteps.ChooseElementAsync(page, "Attestera beställning (approveOrder)");
        var due = page.GetByLabel("Ska vara klar inom");
        await Assertions.Expect(due).ToHaveValueAsync("P3D");
        await due.FillAsync("P4D");
        await due.PressAsync("Tab");
        await page.GetByTestId("designer-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Sparad som version 2");
        using var api = await App.ApiAs("process.owner");
        var definition = await api.GetFromJsonAsync<JsonObject>("/api/definitions/ordering");
        Assert.Equal(2, definition!["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, definition["publishedVersion"]!.GetValue<int>());
        var xml = await api.GetStringAsync("/api/definitions/ordering/versions/2/xml");
        Assert.Contains("rjh:dueIn=\"P4D\"", xml);
        Assert.Contains("rjh:formKey=\"approve-order\"", xml);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer");

        await page.GetByLabel("Anteckning").FillAsync("Attesten får en dag till");
        await page.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 är publicerad")).ToBeVisibleAsync();
        definition = await api.GetFromJsonAsync<JsonObject>("/api/definitions/ordering");
        Assert.Equal(2, definition!["publishedVersion"]!.GetValue<int>());
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_gateway_flow_without_its_condition_is_marked_on_the_gateway_and_nothing_is_stored()
    {
        var page = await SignedInAsync("process.owner", "/designer/ordering");
        await DesignerPageSteps.OpenedAsync(page);

        await DesignerPageSteps.ChooseElementAsync(page, "Attesterad (Flow_gwApproved_mergeApproval)");
        var condition = page.GetByLabel("Villkor");
        await Assertions.Expect(condition).ToHaveValueAsync("vars.approved === true");
        await condition.FillAsync("");
        await condition.PressAsync("Tab");

        // The check runs while drawing, before any save.
        var diagnostics = page.GetByTestId("designer-diagnostics");
        await Assertions.Expect(diagnostics.Locator("li[data-element-id='gwApproved']")).ToContainTextAsync("neither a condition nor the default mark");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='gwApproved']")).ToHaveClassAsync(Invalid);

        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Inget sparades");
        await Assertions.Expect(diagnostics.Locator("li[data-element-id='gwApproved']")).ToContainTextAsync("Attesterad? (gwApproved)");
        await Assertions.Expect(page.Locator(".rjh-diagnostic-badge[data-element-id='gwApproved']")).ToBeVisibleAsync();
        using var api = await App.ApiAs("process.owner");
        var definition = await api.GetFromJsonAsync<JsonObject>("/api/definitions/ordering");
        Assert.Equal(1, definition!["latestVersion"]!.GetValue<int>());
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer-invalid");

        // "Visa" selects the refused element, whose properties then show.
        await diagnostics.GetByRole(AriaRole.Button, new() { Name = "Visa Attesterad? (gwApproved) i kartan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-properties")).ToHaveAttributeAsync("data-element-id", "gwApproved");
    }

    [Fact]
    public async Task Every_MIWG_model_imports_and_opens_with_what_the_engine_does_not_run_marked()
    {
        var page = await SignedInAsync("process.owner", "/designer");
        foreach (var file in Directory.GetFiles(MiwgFolder(), "*.bpmn").Order(StringComparer.Ordinal))
        {
            await page.GotoAsync("/designer");
            await page.WaitForBlazorAsync();
            await page.GetByLabel("Välj en .bpmn-fil").SetInputFilesAsync(file);
            await page.WaitForURLAsync("**/designer/*?imported=true");
            await DesignerPageSteps.OpenedAsync(page);
            await Assertions.Expect(page.GetByTestId("designer-source")).ToContainTextAsync("Importerad fil");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            if (Path.GetFileName(file) == "A.1.0.bpmn")
            {
                // Its three abstract tasks are what the engine refuses: each is marked and listed.
                await Assertions.Expect(page.Locator(".djs-shape.rjh-invalid")).ToHaveCountAsync(3);
                await Assertions.Expect(page.GetByTestId("designer-diagnostics").Locator("li")).ToHaveCountAsync(3);
                await page.AssertAccessibleAsync();
                await page.SaveScreenshotAsync("designer-miwg");
            }
        }

        using var api = await App.ApiAs("process.owner");
        var definitions = await api.GetFromJsonAsync<JsonArray>("/api/definitions");
        Assert.DoesNotContain(definitions!, d => d!["key"]!.GetValue<string>().StartsWith("WFP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_versions_compare_with_the_changed_element_marked_and_listed()
    {
        using var api = await App.ApiAs("process.owner");
        var xml = await api.GetStringAsync("/api/definitions/ordering/versions/1/xml");
        var changed = xml.Replace("rjh:dueIn=\"P3D\"", "rjh:dueIn=\"P4D\"");
        using var deployed = await api.PostAsync("/api/definitions", new StringContent(changed, System.Text.Encoding.UTF8, "application/xml"));
        deployed.EnsureSuccessStatusCode();

        var page = await SignedInAsync("process.owner", "/designer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jämför versioner av Beställning av mobil enhet" }).ClickAsync();

        await page.WaitForURLAsync("**/designer/ordering/compare?from=1&to=2");
        await Assertions.Expect(page.GetByTestId("designer-compare")).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(page.GetByTestId("compare-changed").Locator("li[data-element-id='approveOrder']")).ToContainTextAsync("dueIn");
        await Assertions.Expect(page.Locator(".designer-compare .djs-element[data-element-id='approveOrder']")).ToHaveClassAsync(ChangedMarker());
        await Assertions.Expect(page.GetByTestId("compare-added")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer-compare");
    }

    [Fact]
    public async Task A_new_process_opens_blank_and_its_first_save_is_an_unpublished_draft()
    {
        var page = await SignedInAsync("process.owner", "/designer");

        await page.GetByLabel("Processnyckel").FillAsync("ordering");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Dubblett");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa och öppna" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Det finns redan en process med nyckeln ordering.")).ToBeVisibleAsync();

        await page.GetByLabel("Processnyckel").FillAsync("loan-return");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa och öppna" }).ClickAsync();
        await page.WaitForURLAsync("**/designer/loan-return?name=Dubblett");
        await DesignerPageSteps.OpenedAsync(page);
        await Assertions.Expect(page.GetByTestId("designer-source")).ToContainTextAsync("Ny process");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='start']")).ToHaveCountAsync(1);

        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Sparad som version 1");
        using var api = await App.ApiAs("process.owner");
        var definition = await api.GetFromJsonAsync<JsonObject>("/api/definitions/loan-return");
        Assert.Equal(1, definition!["latestVersion"]!.GetValue<int>());
        Assert.Null(definition["publishedVersion"]);
    }

    [Fact]
    public async Task Someone_who_is_not_a_process_owner_is_refused_the_designer()
    {
        var page = await SignedInAsync("anna.chef", "/");

        await page.GotoAsync("/designer/ordering");

        await page.WaitForURLAsync("**/access-denied**");
        await Assertions.Expect(page.GetByTestId("designer-canvas")).ToHaveCountAsync(0);
    }

    private static string MiwgFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "bpmn-miwg");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("No shared/conformance/bpmn-miwg above the test's folder.");
    }

    [GeneratedRegex(@"\brjh-changed\b")]
    private static partial Regex ChangedMarker();

    [GeneratedRegex(@"\brjh-invalid\b")]
    private static partial Regex InvalidMarker();
}
