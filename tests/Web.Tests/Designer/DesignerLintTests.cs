using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>Lint while drawing (bpmnlint with our rules, Features/Designer/lint.js): a mistake shows on the canvas before any save.</summary>
public sealed class DesignerLintTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Removing_a_gateway_condition_or_an_activity_type_shows_the_lint_issue_on_the_element_without_saving()
    {
        var page = await SignedInAsync("process.owner", "/designer/ordering");
        await DesignerPageSteps.OpenedAsync(page);
        // The shipped model is clean: the lint button says so.
        await Assertions.Expect(page.Locator(".bjsl-button")).ToHaveTextAsync("Inga problem");
        await Assertions.Expect(page.Locator(".bjsl-button")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bjsl-button-success"));

        await DesignerPageSteps.ChooseElementAsync(page, "Attesterad (Flow_gwApproved_mergeApproval)");
        var condition = page.GetByLabel("Villkor");
        await condition.FillAsync("");
        await condition.PressAsync("Tab");
        var flowIssues = page.Locator(".djs-overlays[data-container-id='Flow_gwApproved_mergeApproval'] .bjsl-overlay");
        await Assertions.Expect(flowIssues.Locator("li[data-rule='rjh/gateway-conditions']"))
            .ToContainTextAsync("Flödet Flow_gwApproved_mergeApproval från gatewayen saknar villkor");

        await DesignerPageSteps.ChooseElementAsync(page, "Aktivera SIM (activateSim)");
        await page.GetByTestId("prop-activity").SelectOptionAsync("");
        var taskIssues = page.Locator(".djs-overlays[data-container-id='activateSim'] .bjsl-overlay");
        await Assertions.Expect(taskIssues.Locator("li[data-rule='rjh/activity-type']")).ToContainTextAsync("Aktiviteten saknar aktivitetstyp");
        await Assertions.Expect(page.Locator(".bjsl-button")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bjsl-button-error"));
        await Assertions.Expect(page.Locator(".bjsl-button")).ToHaveTextAsync("2 fel, 0 varningar");

        // Nothing was saved: linting is the browser's, before the server is asked.
        using var api = await App.ApiAs("process.owner");
        var definition = await api.GetFromJsonAsync<JsonObject>("/api/definitions/ordering");
        Assert.Equal(1, definition!["latestVersion"]!.GetValue<int>());
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer-lint");
    }
}
