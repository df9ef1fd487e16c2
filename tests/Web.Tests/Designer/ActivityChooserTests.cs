using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>The element-template chooser: our activities by category, searchable, one click sets a task's activity type.</summary>
public sealed class ActivityChooserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Searching_the_chooser_and_picking_an_activity_by_category_sets_the_service_tasks_activity_type()
    {
        var page = await SignedInAsync("process.owner", "/designer/ordering");
        await DesignerPageSteps.OpenedAsync(page);
        await DesignerPageSteps.ChooseElementAsync(page, "Aktivera SIM (activateSim)");

        await page.GetByTestId("prop-activity-chooser").ClickAsync();
        var chooser = page.GetByRole(AriaRole.Dialog, new() { Name = "Välj aktivitet" });
        await Assertions.Expect(chooser).ToBeVisibleAsync();
        await Assertions.Expect(chooser.Locator("section[data-category='Mdm']")).ToBeVisibleAsync();
        await chooser.GetByLabel("Sök aktivitet (namn, typ eller kategori)").FillAsync("anknytning");
        await Assertions.Expect(chooser.Locator("section[data-category='Mdm']")).ToHaveCountAsync(0);
        var telephony = chooser.Locator("section[data-category='Telephony']");
        await Assertions.Expect(telephony.GetByRole(AriaRole.Heading, new() { Name = "Telephony" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await telephony.GetByRole(AriaRole.Button, new() { Name = "Skapa anknytning (Telephony.CreateExtension)" }).ClickAsync();

        await Assertions.Expect(chooser).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("prop-activity")).ToHaveValueAsync("Telephony.CreateExtension");
        await Assertions.Expect(page.GetByTestId("prop-input-employeeId")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("prop-input-msisdn")).ToBeVisibleAsync();
    }
}
