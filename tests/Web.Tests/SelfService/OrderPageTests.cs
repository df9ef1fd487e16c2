using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.SelfService;

public sealed class OrderPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_employee_sees_the_entitlement_decision_before_sending_and_the_order_starts()
    {
        var maja = await SignedInAsync("maja.mobil", "/order");
        var decision = maja.GetByTestId("entitlement");
        await Assertions.Expect(decision.Locator("li").First).ToBeVisibleAsync();
        await Assertions.Expect(decision).ToContainTextAsync("Regeluppsättning entitlement, version 1");
        await maja.AssertAccessibleAsync();

        await maja.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();
        await maja.GetByRole(AriaRole.Link, new() { Name = "Följ ärendet" }).ClickAsync();
        await maja.WaitForURLAsync("**/my/requests/*");

        var id = new Uri(maja.Url).Segments[^1];
        var instance = await App.GetJsonAsync("maja.mobil", $"/api/instances/{id}");
        Assert.Equal("ordering", instance["definitionKey"]!.GetValue<string>());
        Assert.Equal("maja.mobil", instance["variables"]!["employeeId"]!.GetValue<string>());
        Assert.Equal("Phone", instance["variables"]!["deviceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_manager_orders_for_one_of_her_people_and_an_employee_cannot_choose_anyone_else()
    {
        var anna = await SignedInAsync("anna.chef", "/order");
        await anna.GetByLabel("Beställs åt").ClickAsync();
        await anna.GetByRole(AriaRole.Option, new() { Name = "Erik Sundberg (erik.anstalld)" }).ClickAsync();
        await anna.GetByRole(AriaRole.Radio, new() { Name = "Surfplatta" }).ClickAsync();
        await Assertions.Expect(anna.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();

        using var admin = await App.ApiAs("admin");
        var orders = await admin.GetFromJsonAsync<JsonArray>("/api/instances?definitionKey=ordering");
        var order = Assert.Single(orders!)!;
        Assert.Equal("anna.chef", order["startedBy"]!.GetValue<string>());
        Assert.Equal("erik.anstalld", order["variables"]!["employeeId"]!.GetValue<string>());
        Assert.Equal("Tablet", order["variables"]!["deviceType"]!.GetValue<string>());

        var erik = await SignedInAsync("erik.anstalld", "/order");
        await erik.GetByLabel("Beställs åt").ClickAsync();
        await Assertions.Expect(erik.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
    }
}
