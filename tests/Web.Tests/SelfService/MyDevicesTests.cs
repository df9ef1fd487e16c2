using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.SelfService;

public sealed class MyDevicesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_lost_phone_reported_in_Mina_enheter_gets_a_loan_phone_the_same_day()
    {
        var anna = await SignedInAsync("anna.chef", "/my/devices");
        var devices = anna.GetByTestId("my-devices");
        await Assertions.Expect(devices).ToContainTextAsync("iPhone 15");
        await Assertions.Expect(anna.GetByTestId("loan-device")).ToHaveCountAsync(0);
        await anna.AssertAccessibleAsync();

        await anna.GetByRole(AriaRole.Button, new() { Name = "Anmäl förlorad: iPhone 15" }).ClickAsync();
        var dialog = anna.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("SIM-kortet spärras");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Anmäl förlorad" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status).Filter(new() { HasText = "Anmälan är skickad" })).ToBeVisibleAsync();

        // Servicecenter hands out the loan phone from Mina uppgifter.
        await CompleteFirstAsync("sam.service", "Lämna ut lånetelefon", _ => Task.CompletedTask);

        // The loan is registered by the workflow's next steps in the background: the page shows it after a reload.
        await anna.ReloadUntilAsync(anna.GetByTestId("loan-device"), "Du har lånat");
        await Assertions.Expect(anna.GetByRole(AriaRole.Button, new() { Name = "Anmäl förlorad: iPhone 15" })).ToHaveCountAsync(0);
        await anna.AssertAccessibleAsync();
        await anna.SaveScreenshotAsync("my-devices");

        using var admin = await App.ApiAs("admin");
        var clock = await admin.GetFromJsonAsync<JsonObject>("/api/admin/clock");
        Assert.Equal(WebApp.ClockStart.Date, clock!["now"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(1)).Date);
    }

    [Fact]
    public async Task A_phone_handed_in_from_Mina_enheter_is_received_by_Servicecenter_and_goes_back_to_stock()
    {
        var anna = await SignedInAsync("anna.chef", "/my/devices");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Lämna in: iPhone 15" }).ClickAsync();
        var dialog = anna.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Lämna enheten till Servicecenter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lämna in" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status).Filter(new() { HasText = "Inlämningen är anmäld" })).ToBeVisibleAsync();
        // Announced once: the device shows the hand-in instead of the actions until Servicecenter has it.
        await Assertions.Expect(anna.GetByTestId("hand-in-pending")).ToBeVisibleAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Button, new() { Name = "Lämna in: iPhone 15" })).ToHaveCountAsync(0);
        await anna.AssertAccessibleAsync();

        await CompleteFirstAsync("sam.service", "Ta emot inlämnad enhet",
            page => page.GetByRole(AriaRole.Radio, new() { Name = "Fungerar" }).CheckAsync());

        await anna.ReloadUntilAsync(anna.Locator("main"), "Du har inga enheter registrerade på dig.");
        using var admin = await App.ApiAs("admin");
        var inStock = await admin.GetFromJsonAsync<JsonArray>("/api/devices?status=InStock");
        Assert.Contains(inStock!, d => d!["imei"]?.GetValue<string>() == "353284150123407");
    }

    [Fact]
    public async Task A_person_without_devices_is_told_so_and_has_nothing_to_report()
    {
        var erik = await SignedInAsync("erik.anstalld", "/my/devices");

        await Assertions.Expect(erik.GetByText("Du har inga enheter registrerade på dig.")).ToBeVisibleAsync();
        await Assertions.Expect(erik.GetByRole(AriaRole.Button, new() { Name = "Anmäl förlorad", Exact = false })).ToHaveCountAsync(0);
    }
}
