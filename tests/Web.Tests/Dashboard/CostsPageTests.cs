using System.Globalization;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Features.Costs;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Tests.Dashboard;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Dashboard;

/// <summary>The cost page against the played scenario: Maja's delivered order at the default phone price, paid as its financing said.</summary>
public sealed class CostsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_admin_sees_the_delivered_order_at_the_default_price_under_its_payer_and_the_fleet_against_the_models()
    {
        await new OutcomeScenario(App.Host).PlayAsync();
        var price = new CostOptions().DefaultPhonePriceSek;

        var admin = await SignedInAsync("admin", "/costs");

        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kostnader");
        var order = admin.GetByTestId($"costs-{OutcomeFigures.MonthOf(WebApp.ClockStart)}-{Payer.RegionDirector}-HS-STROKE");
        await Assertions.Expect(order.GetByTestId("devices")).ToHaveTextAsync("1");
        await Assertions.Expect(order.GetByTestId("devices-sek")).ToHaveTextAsync(price.ToString("#,0 kr", CultureInfo.GetCultureInfo("sv-SE")));
        await Assertions.Expect(admin.GetByTestId("models")).ToContainTextAsync("Alt 3");
        await admin.AssertAccessibleAsync();
        await admin.SaveScreenshotAsync("costs");
    }

    [Fact]
    public async Task Finance_sees_every_units_costs_but_not_the_dashboard_a_manager_only_her_units_and_an_employee_nothing()
    {
        await new OutcomeScenario(App.Host).PlayAsync();
        var stroke = $"costs-{OutcomeFigures.MonthOf(WebApp.ClockStart)}-{Payer.RegionDirector}-HS-STROKE";

        var fia = await SignedInAsync("fia.ekonomi", "/costs");
        await Assertions.Expect(fia.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kostnader");
        await Assertions.Expect(fia.GetByTestId(stroke).GetByTestId("devices")).ToHaveTextAsync("1");
        await Assertions.Expect(fia.GetByRole(AriaRole.Link, new() { Name = "Utfall" })).ToHaveCountAsync(0);
        await fia.AssertAccessibleAsync();
        await fia.GotoAsync("/dashboard");
        await fia.WaitForURLAsync("**/access-denied**");

        var anna = await SignedInAsync("anna.chef", "/costs");
        await Assertions.Expect(anna.GetByTestId("costs").Or(anna.GetByTestId("costs-empty"))).ToBeVisibleAsync();
        await Assertions.Expect(anna.GetByTestId(stroke)).ToHaveCountAsync(0);

        var erik = await SignedInAsync("erik.anstalld", "/");
        await Assertions.Expect(erik.GetByRole(AriaRole.Link, new() { Name = "Kostnader" })).ToHaveCountAsync(0);
        await erik.GotoAsync("/costs");
        await erik.WaitForURLAsync("**/access-denied**");
    }
}
