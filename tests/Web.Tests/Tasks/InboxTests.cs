using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

public sealed class InboxTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Servicecenter_takes_a_task_of_its_role_gives_it_back_and_filters_by_holder()
    {
        using (var admin = await App.ApiAs("admin"))
        {
            var phone = (await admin.GetFromJsonAsync<JsonObject>("/api/people/anna.chef/links"))!["devices"]![0]!["id"]!.GetValue<string>();
            using var anna = await App.ApiAs("anna.chef");
            await anna.StartInstanceAsync("swap", new { employeeId = "anna.chef", deviceId = phone, kind = "Broken" });
        }

        var sam = await SignedInAsync("sam.service", "/tasks");
        var inbox = sam.GetByTestId("inbox");
        await sam.ReloadUntilAsync(inbox, "Anna Lindqvist");
        var row = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Anna Lindqvist" });
        var take = row.GetByRole(AriaRole.Button, new() { Name = "Ta:", Exact = false });
        await take.ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Du");
        await sam.AssertAccessibleAsync();

        await sam.GetByRole(AriaRole.Combobox, new() { Name = "Visa" }).ClickAsync();
        await sam.GetByRole(AriaRole.Option, new() { Name = "Ej tagna" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("Inga uppgifter väntar på dig.")).ToBeVisibleAsync();
        await sam.GetByRole(AriaRole.Combobox, new() { Name = "Visa" }).ClickAsync();
        await sam.GetByRole(AriaRole.Option, new() { Name = "Mina" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Lämna tillbaka:", Exact = false }).ClickAsync();
        await Assertions.Expect(sam.GetByText("Inga uppgifter väntar på dig.")).ToBeVisibleAsync();

        using var service = await App.ApiAs("sam.service");
        var tasks = await service.GetFromJsonAsync<JsonArray>("/api/tasks");
        Assert.Null(tasks!.OfType<JsonObject>().Single(t => t["formKey"]!.GetValue<string>() == "hand-out-loan")["assignee"]);
    }
}
