using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

public sealed class InboxTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>A Manager task open to the role (not assigned), due in a day, about a person named in the start variables.</summary>
    private static readonly string RoleTaskModel = Bpmn.ManagerApproval.Replace(
        "rjh:formKey=\"example-approval\"", "rjh:formKey=\"example-approval\" rjh:dueIn=\"P1D\"", StringComparison.Ordinal);

    [Fact]
    public async Task A_manager_finds_filters_takes_and_gives_back_tasks_and_sees_them_overdue()
    {
        using (var maja = await App.ApiAs("maja.mobil"))
            await maja.StartInstanceAsync("ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" });
        await App.Host.DeployAsync(RoleTaskModel, user: "admin");
        using (var anna = await App.ApiAs("anna.chef"))
        {
            using var started = await anna.PostAsJsonAsync("/api/instances", new
            {
                definitionKey = "manager-approval", businessKey = "KOSTNAD-4711", variables = new { employee = new { name = "Bo Sandberg" } },
            });
            await HttpAssert.StatusAsync(started, HttpStatusCode.Created);
        }

        var olle = await SignedInAsync("olle.chef", "/tasks");
        var inbox = olle.GetByTestId("inbox");
        await olle.ReloadUntilAsync(inbox, "Attestera beställning");
        var approval = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attestera beställning" });
        var roleTask = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Godkänn beställning" });
        await Assertions.Expect(roleTask).ToHaveCountAsync(1);
        await Assertions.Expect(approval).ToContainTextAsync("Maja Hedlund");
        await Assertions.Expect(olle.GetByTestId("inbox-count")).ToHaveTextAsync("2 uppgifter hittades.");
        await Assertions.Expect(approval.GetByRole(AriaRole.Link, new() { Name = "Attestera beställning" })).ToHaveAttributeAsync("href", new Regex("^/tasks/[0-9a-f-]{36}$"));

        await olle.GetByLabel("Sök").FillAsync("hedlund");
        await Assertions.Expect(roleTask).ToHaveCountAsync(0);
        await Assertions.Expect(approval).ToHaveCountAsync(1);
        await olle.GetByLabel("Sök").FillAsync("kostnad-47");
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(roleTask).ToHaveCountAsync(1);
        await olle.GetByLabel("Sök").FillAsync("");
        await Choose(olle, "Process", "Chefsgodkännande");
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(olle.GetByTestId("inbox-count")).ToHaveTextAsync("1 uppgifter hittades.");
        await Choose(olle, "Process", "Alla");

        await Choose(olle, "Visa", "Ej tagna");
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await roleTask.GetByRole(AriaRole.Button, new() { Name = "Ta: Godkänn beställning" }).ClickAsync();
        await Assertions.Expect(roleTask).ToHaveCountAsync(0);
        await Choose(olle, "Visa", "Mina");
        await Assertions.Expect(roleTask).ToContainTextAsync("Du");
        await Assertions.Expect(approval).ToHaveCountAsync(1);
        await roleTask.GetByRole(AriaRole.Button, new() { Name = "Lämna tillbaka: Godkänn beställning" }).ClickAsync();
        await Assertions.Expect(roleTask).ToHaveCountAsync(0);
        await Choose(olle, "Visa", "Ej tagna");
        await Assertions.Expect(roleTask.GetByRole(AriaRole.Button, new() { Name = "Ta: Godkänn beställning" })).ToBeVisibleAsync();
        await Choose(olle, "Visa", "Alla");

        await Assertions.Expect(inbox.GetByText("Försenad", new() { Exact = true })).ToHaveCountAsync(0);
        using (var admin = await App.ApiAs("admin"))
            await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "P10D" }), HttpStatusCode.OK);
        // Ten days on, the sign-in cookie has run out as well: Olle signs in again.
        olle = await SignedInAsync("olle.chef", "/tasks");
        inbox = olle.GetByTestId("inbox");
        approval = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attestera beställning" });
        roleTask = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = "Godkänn beställning" });
        await Choose(olle, "Sista dag", "Försenade");
        await Assertions.Expect(approval.GetByText("Försenad", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(roleTask.GetByText("Försenad", new() { Exact = true })).ToBeVisibleAsync();
        await olle.AssertAccessibleAsync();
        await olle.SaveScreenshotAsync("tasks");
    }

    private static async Task Choose(IPage page, string filter, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = filter }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

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

        await Choose(sam, "Visa", "Ej tagna");
        await Assertions.Expect(sam.GetByText("Inga uppgifter väntar på dig.")).ToBeVisibleAsync();
        await Choose(sam, "Visa", "Mina");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Lämna tillbaka:", Exact = false }).ClickAsync();
        await Assertions.Expect(sam.GetByText("Inga uppgifter väntar på dig.")).ToBeVisibleAsync();

        using var service = await App.ApiAs("sam.service");
        var tasks = await service.GetFromJsonAsync<JsonArray>("/api/tasks");
        Assert.Null(tasks!.OfType<JsonObject>().Single(t => t["formKey"]!.GetValue<string>() == "hand-out-loan")["assignee"]);
    }
}
