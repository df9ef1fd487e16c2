using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.SelfService;

public sealed class StartPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Start_shows_what_waits_my_devices_my_open_requests_and_shortcuts_for_my_roles()
    {
        // Maja orders a phone: Olle, her manager, gets the approval task; Maja has an open request.
        using (var maja = await App.ApiAs("maja.mobil"))
            await maja.StartInstanceAsync("ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" });

        var majaPage = await SignedInAsync("maja.mobil");
        await Assertions.Expect(majaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Välkommen");
        var requests = majaPage.GetByTestId("requests");
        await Assertions.Expect(requests).ToContainTextAsync("Beställning av mobil enhet");
        await Assertions.Expect(requests).ToContainTextAsync("Pågår");
        await Assertions.Expect(majaPage.GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToHaveCountAsync(0);

        await majaPage.GotoAsync("/my/requests");
        await Assertions.Expect(majaPage.GetByTestId("requests")).ToContainTextAsync("Beställning av mobil enhet");
        await majaPage.AssertAccessibleAsync();

        var olle = await SignedInAsync("olle.chef");
        await Assertions.Expect(olle.GetByTestId("task-counts")).ToContainTextAsync("1");
        await Assertions.Expect(olle.GetByRole(AriaRole.Link, new() { Name = "Till Mina uppgifter (1)" })).ToBeVisibleAsync();

        var anna = await SignedInAsync("anna.chef");
        await Assertions.Expect(anna.GetByTestId("start-devices")).ToContainTextAsync("iPhone 15");
        var shortcuts = anna.GetByRole(AriaRole.Navigation, new() { Name = "Genvägar" });
        await Assertions.Expect(shortcuts.GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToBeVisibleAsync();
        await Assertions.Expect(shortcuts.GetByRole(AriaRole.Link, new() { Name = "Riskbedömningar" })).ToBeVisibleAsync();
        await anna.AssertAccessibleAsync();
        await anna.SaveScreenshotAsync("start");
    }
}
