using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Shell;

public sealed class ShellTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_page_asked_for_before_sign_in_leads_to_sign_in_and_back_after_it()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/tasks");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in som erik.anstalld" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("erik.anstalld");
    }

    [Fact]
    public async Task The_menu_follows_the_roles_and_a_hidden_page_is_refused_when_typed()
    {
        var page = await SignedInAsync("erik.anstalld");

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Mina uppgifter" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/team");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();

        var manager = await SignedInAsync("anna.chef");
        await Assertions.Expect(manager.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page()
    {
        var page = await SignedInAsync("erik.anstalld");

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task English_can_be_chosen_and_is_remembered_and_sign_out_ends_the_session()
    {
        var page = await SignedInAsync("anna.chef");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "My tasks", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "My tasks", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin?signedOut=true");
        // The sign-in page itself, not only its address: on a loaded machine the address came while the page was
        // still on its way, and the next navigation interrupted it.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("signed out|utloggad") })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }
}
