using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Testing;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>
/// The organisation models (Alt 1/2/3) are versions of one process: switching the live model is importing the
/// variant in the designer and publishing it — no code, no restart — and a request already running stays on its model.
/// </summary>
public sealed class OrganisationModelTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Publishing_the_Alt_1_variant_in_the_designer_switches_new_orders_and_leaves_a_running_one_on_Alt_2()
    {
        // Alt 2 (shipped): Maja's order waits for Olle's approval.
        var maja = await SignedInAsync("maja.mobil", "/order");
        await Assertions.Expect(maja.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await maja.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();
        var olle = await SignedInAsync("olle.chef", "/tasks");
        await olle.ReloadUntilAsync(olle.GetByTestId("inbox"), "Attestera beställning");

        var owner = await SignedInAsync("process.owner", "/designer");
        await owner.GetByLabel("Välj en .bpmn-fil").SetInputFilesAsync(ShippedVariants.PathOf("ordering-alt1.bpmn"));
        await owner.WaitForURLAsync("**/designer/ordering?imported=true");
        await DesignerPageSteps.OpenedAsync(owner);
        await Assertions.Expect(owner.GetByTestId("designer-diagnostics-none")).ToBeVisibleAsync();
        await owner.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("designer-status")).ToContainTextAsync("Sparad som version 2");
        await owner.GetByLabel("Anteckning").FillAsync("Alt 1: enheterna beställer själva med checklistan");
        await owner.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(owner.GetByText("Version 2 är publicerad")).ToBeVisibleAsync();

        // Alt 1: Erik's order goes to his manager's checklist.
        var erik = await SignedInAsync("erik.anstalld", "/order");
        await Assertions.Expect(erik.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await erik.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(erik.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();
        await CompleteFirstAsync("anna.chef", "Beställ enligt checklistan", async page =>
        {
            foreach (var step in new[] { "Enheten beställd hos leverantören", "Enheten registrerad i MDM med regionens konto" })
                await page.GetByLabel(step).CheckAsync();
        });

        // Alt 2 goes on for Maja's order, on the version it started on.
        await CompleteFirstAsync("olle.chef", "Attestera beställning", async page =>
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" }).CheckAsync();
            await page.GetByLabel("Motivering").FillAsync("Behövs i teamet");
        });

        var instances = await App.GetArrayAsync("admin", "/api/instances?definitionKey=ordering");
        var majas = Assert.Single(instances, i => Starter(i) == "maja.mobil")!;
        var eriks = Assert.Single(instances, i => Starter(i) == "erik.anstalld")!;
        Assert.Equal(1, majas["version"]!.GetValue<int>());
        Assert.Equal("Running", majas["status"]!.GetValue<string>());
        Assert.Equal(2, eriks["version"]!.GetValue<int>());
        Assert.Equal("Completed", eriks["status"]!.GetValue<string>());
        // Past the approval, on Alt 2's own steps (Servicecenter's delivery), without an incident.
        for (var attempt = 0; ; attempt++)
        {
            var instance = await App.GetJsonAsync("admin", $"/api/instances/{majas["id"]}");
            var active = instance["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            Assert.Empty(instance["incidents"]!.AsArray());
            if (active.Contains("deliver")) break;
            Assert.True(attempt < 100, "Maja's order never reached Servicecenter's delivery: " + instance.ToJsonString());
            await Task.Delay(200);
        }

        // Back to Alt 2: the live version is the newest published one, so publishing version 1 again is refused with
        // the way to do it (save version 1 again, as version 3, and publish that).
        await owner.GetByRole(AriaRole.Combobox, new() { Name = "Version att publicera" }).ClickAsync();
        await owner.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Version 1\\b") }).ClickAsync();
        await owner.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(owner.GetByText("Version 1 är äldre än version 2")).ToBeVisibleAsync();
        await owner.GotoAsync("/designer/ordering?version=1");
        await DesignerPageSteps.OpenedAsync(owner);
        await owner.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("designer-status")).ToContainTextAsync("Sparad som version 3");
        await owner.GetByLabel("Anteckning").FillAsync("Tillbaka till Alt 2");
        await owner.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(owner.GetByText("Version 3 är publicerad")).ToBeVisibleAsync();
        var ordering = await App.GetJsonAsync("admin", "/api/definitions/ordering");
        Assert.Equal(3, ordering["publishedVersion"]!.GetValue<int>());
    }

    private static string? Starter(JsonNode? instance) => instance?["startedBy"]?.GetValue<string>();
}
