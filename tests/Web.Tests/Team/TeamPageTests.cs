using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Team;

public sealed class TeamPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_manager_sees_her_people_and_their_devices_and_starts_an_offboarding()
    {
        var anna = await SignedInAsync("anna.chef", "/team");
        var team = anna.GetByTestId("team");
        await Assertions.Expect(team.GetByRole(AriaRole.Rowheader, new() { Name = "Erik Sundberg" })).ToBeVisibleAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Row).Filter(new() { HasText = "Anna Lindqvist" })).ToContainTextAsync("iPhone 15");
        await anna.AssertAccessibleAsync();
        await anna.SaveScreenshotAsync("team");

        await anna.GetByLabel("Medarbetare som slutar").ClickAsync();
        await anna.GetByRole(AriaRole.Option, new() { Name = "Erik Sundberg" }).ClickAsync();
        await anna.GetByLabel("Sista arbetsdag").FillAsync("2026-12-18");
        await anna.GetByLabel("Sista arbetsdag").PressAsync("Tab");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Starta avslut" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status).Filter(new() { HasText = "är startad" })).ToBeVisibleAsync();

        using var admin = await App.ApiAs("admin");
        var offboardings = await admin.GetFromJsonAsync<JsonArray>("/api/instances?definitionKey=offboarding");
        var offboarding = Assert.Single(offboardings!)!;
        Assert.Equal("erik.anstalld", offboarding["variables"]!["employeeId"]!.GetValue<string>());
        Assert.Equal("2026-12-18", offboarding["variables"]!["lastDay"]!.GetValue<string>());
        Assert.Equal("anna.chef", offboarding["startedBy"]!.GetValue<string>());
        Assert.Equal("erik.anstalld", offboarding["startedFor"]!.GetValue<string>());

        // Erik follows what his manager started for him among his own requests.
        var erik = await SignedInAsync("erik.anstalld", "/my/requests");
        await Assertions.Expect(erik.GetByTestId("requests").GetByRole(AriaRole.Row).Filter(new() { HasText = "startat av Anna Lindqvist" }))
            .ToBeVisibleAsync();
        await erik.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Someone_who_is_not_a_manager_is_refused_the_page()
    {
        var erik = await SignedInAsync("erik.anstalld");

        await erik.GotoAsync("/team");

        await Assertions.Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(erik.GetByTestId("team")).ToHaveCountAsync(0);
    }
}
