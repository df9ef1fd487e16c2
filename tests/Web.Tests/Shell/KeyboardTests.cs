using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Shell;

/// <summary>A manager who uses no mouse: signs in, finds the approval in Mina uppgifter and decides it, by keyboard only.</summary>
public sealed class KeyboardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_manager_approves_an_order_by_keyboard_only_with_the_focus_always_visible()
    {
        await OrderPhoneAsync("maja.mobil");
        var page = await NewPageAsync();

        await page.GotoAsync("/signin");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Logga in som olle.chef" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(App.BaseUrl + "/");
        await page.WaitForBlazorAsync();

        await page.TabToAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Mina uppgifter" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/tasks");
        await page.ReloadUntilAsync(page.GetByTestId("inbox"), "Attestera beställning");

        await page.TabToAsync(page.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = "Attestera beställning" }).First);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/tasks/*");
        var taskUrl = page.Url;
        await page.WaitForBlazorAsync();

        // Space picks the focused choice, text is typed, Enter on the button sends.
        await page.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" }));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" })).ToBeCheckedAsync();
        await page.TabToAsync(page.GetByLabel("Motivering"));
        await page.Keyboard.TypeAsync("Behöver nås på avdelningen");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Slutför" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url != taskUrl);

        var tasks = await App.GetArrayAsync("olle.chef", "/api/tasks");
        Assert.DoesNotContain(tasks, t => t!["formKey"]?.GetValue<string>() == "approve-order");
    }
}
