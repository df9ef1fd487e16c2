using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Diagram;

/// <summary>Mitt ärende (/my/requests/{id}): the process diagram of one's own order, and nobody else's.</summary>
public sealed class MyRequestDiagramTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The classes ProcessDiagram's viewer (Ui/Diagram/diagram.js) puts on marked elements.</summary>
    private static readonly Regex Active = new(@"\brjh-active\b");
    private static readonly Regex Completed = new(@"\brjh-completed\b");

    [Fact]
    public async Task Erik_sees_his_order_with_the_current_step_marked_and_the_steps_taken_shaded()
    {
        var id = await StartEriksOrderAsync();

        var page = await SignedInAsync("erik.anstalld", $"/my/requests/{id}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mitt ärende");
        await Assertions.Expect(page.GetByTestId("current-steps")).ToContainTextAsync("Ta ställning till alternativ");
        var diagram = page.GetByTestId("process-diagram");
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(diagram.GetByRole(AriaRole.Img,
            new() { Name = "Processkarta: Beställning av mobil enhet, aktuellt steg Ta ställning till alternativ" })).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator("[data-element-id='acceptAlternative']")).ToHaveClassAsync(Active);
        await Assertions.Expect(diagram.Locator("[data-element-id='start']")).ToHaveClassAsync(Completed);
        await Assertions.Expect(diagram.Locator(".rjh-active")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("Ärendet startades");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("my-request");

        // The buttons work by keyboard and leave the marks in place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Zooma in" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa hela" }).ClickAsync();
        await Assertions.Expect(diagram.Locator("[data-element-id='acceptAlternative']")).ToHaveClassAsync(Active);
    }

    [Fact]
    public async Task Someone_else_gets_not_found_for_eriks_order()
    {
        var id = await StartEriksOrderAsync();

        var page = await SignedInAsync("maja.mobil", $"/my/requests/{id}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ärendet finns inte" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("process-diagram")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Ta ställning till alternativ")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Erik orders a phone; the policy offers a data-only phone, so the order waits for him (acceptAlternative).</summary>
    private async Task<Guid> StartEriksOrderAsync()
    {
        using var api = await App.ApiAs("erik.anstalld");
        var order = await api.StartInstanceAsync("ordering",
            new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New", underRollout = false });
        await api.WaitForInstanceAsync(order["id"]!, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "acceptAlternative"));
        return order["id"]!.GetValue<Guid>();
    }
}
