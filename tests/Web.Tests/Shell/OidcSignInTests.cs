using Microsoft.Playwright;
using RJH.DeviceWorkflows.Testing;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Shell;

/// <summary>
/// Production sign-in, for real: the Host in OpenID Connect mode against a provider on loopback (authorization
/// code with PKCE); the browser signs in at the provider and comes back to the page it asked for.
/// </summary>
public sealed class OidcSignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    private OidcTestServer provider = null!;

    protected override (string Key, string? Value)[] Settings => provider.HostSettings();

    public override async Task InitializeAsync()
    {
        provider = await OidcTestServer.StartAsync(
            new OidcTestUser("anna.chef", "anna.chef", "Device.Manager"),
            new OidcTestUser("nils.ny", "nils.ny", "Some.Other.App.Role"));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task A_manager_signs_in_at_the_provider_and_gets_the_page_she_asked_for_with_her_roles()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/team");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga in som anna.chef" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in med ditt regionkonto" }).ClickAsync();

        await page.WaitForURLAsync($"{provider.Root}/**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as anna.chef" }).ClickAsync();

        await page.WaitForURLAsync("**/team");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("anna.chef");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Min enhet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToBeVisibleAsync();

        await page.GotoAsync("/signout");
        await page.GotoAsync("/team");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_person_without_a_mapped_role_gets_only_self_service()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin/oidc?returnUrl=%2F");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as nils.ny" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/");

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Beställ enhet" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Min enhet" })).ToHaveCountAsync(0);

        await page.GotoAsync("/team");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Demo_sign_in_is_not_offered()
    {
        var page = await NewPageAsync();
        var response = await page.APIRequest.PostAsync(App.BaseUrl + "/signin/demo", new() { Form = page.APIRequest.CreateFormData().Set("user", "admin") });
        Assert.NotEqual(200, response.Status);
        await page.GotoAsync("/tasks");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }
}
