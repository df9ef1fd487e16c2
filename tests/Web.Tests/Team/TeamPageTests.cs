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
    public async Task A_manager_sees_numbers_and_who_lacks_a_phone_under_a_rollout_and_starts_an_onboarding_for_a_new_hire()
    {
        using (var admin = await App.ApiAs("admin"))
        {
            (await admin.PostAsJsonAsync("/api/people", new
            {
                employeeId = "nils.ny", userName = "nils.ny", name = "Nils Nyberg", unitId = "HS-KIR-AVD1", managerEmployeeId = "anna.chef",
                roles = new[] { "Employee" },
            })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/units/HS-KIR-AVD1/rollout", new { mode = "Voluntary" })).EnsureSuccessStatusCode();
        }
        var anna = await SignedInAsync("anna.chef", "/team");
        var team = anna.GetByTestId("team");
        await Assertions.Expect(Row(team, "Anna Lindqvist")).ToContainTextAsync("+46701740699");
        await Assertions.Expect(Row(team, "Erik Sundberg")).ToContainTextAsync("Saknar telefon i utrullningen");
        await Assertions.Expect(Row(team, "Nils Nyberg")).ToContainTextAsync("Saknar telefon i utrullningen");
        await Assertions.Expect(Row(team, "Anna Lindqvist")).Not.ToContainTextAsync("Saknar telefon i utrullningen");
        await anna.AssertAccessibleAsync();

        await anna.GetByLabel("Medarbetare", new() { Exact = true }).ClickAsync();
        await anna.GetByRole(AriaRole.Option, new() { Name = "Nils Nyberg" }).ClickAsync();
        await anna.GetByLabel("Första arbetsdag").FillAsync("2026-12-14");
        await anna.GetByLabel("Första arbetsdag").PressAsync("Tab");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Starta introduktion" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status).Filter(new() { HasText = "är startad" })).ToBeVisibleAsync();

        using var check = await App.ApiAs("admin");
        var onboardings = await check.GetFromJsonAsync<JsonArray>("/api/instances?definitionKey=onboarding");
        var onboarding = Assert.Single(onboardings!)!;
        Assert.Equal("nils.ny", onboarding["variables"]!["employeeId"]!.GetValue<string>());
        Assert.Equal("2026-12-14", onboarding["variables"]!["startDate"]!.GetValue<string>());
        Assert.Equal("anna.chef", onboarding["startedBy"]!.GetValue<string>());
    }

    private static ILocator Row(ILocator team, string name) => team.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    [Fact]
    public async Task Someone_who_is_not_a_manager_is_refused_the_page()
    {
        var erik = await SignedInAsync("erik.anstalld");

        await erik.GotoAsync("/team");

        await Assertions.Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(erik.GetByTestId("team")).ToHaveCountAsync(0);
    }
}
