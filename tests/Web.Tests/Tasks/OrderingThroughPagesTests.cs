using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

/// <summary>
/// Acceptance (1), through pages only: Maja orders a phone, Olle approves in Mina uppgifter (after trying to reject
/// without a reason), Servicecenter delivers, Maja acknowledges, and the register has the device assigned to her.
/// </summary>
public sealed class OrderingThroughPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_employee_orders_the_manager_approves_servicecenter_delivers_and_the_employee_acknowledges()
    {
        var maja = await SignedInAsync("maja.mobil", "/order");
        await Assertions.Expect(maja.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await maja.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();

        // Olle finds the approval in Mina uppgifter, by Maja's name.
        var olle = await SignedInAsync("olle.chef", "/tasks");
        await olle.ReloadUntilAsync(olle.GetByTestId("inbox"), "Attestera beställning");
        await olle.GetByLabel("Sök").FillAsync("Maja");
        var row = olle.GetByTestId("inbox").GetByRole(AriaRole.Row).Filter(new() { HasText = "Maja" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await olle.AssertAccessibleAsync();
        await olle.SaveScreenshotAsync("tasks");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await olle.WaitForURLAsync("**/tasks/*");
        var taskUrl = olle.Url;

        // Rejecting without a reason is refused on the field; nothing changes.
        await Assertions.Expect(olle.GetByRole(AriaRole.Group, new() { Name = "Beslut *" })).ToBeVisibleAsync();
        await olle.GetByRole(AriaRole.Radio, new() { Name = "Avslå" }).CheckAsync();
        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await Assertions.Expect(olle.GetByText("Fältet är obligatoriskt.")).ToBeVisibleAsync();
        Assert.Equal(taskUrl, olle.Url);
        // The refused field shows its error tied to it: marked invalid and described by the message.
        var justification = olle.GetByLabel("Motivering");
        await Assertions.Expect(justification).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await justification.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrWhiteSpace(describedBy), "The refused field names no description.");
        var descriptions = string.Join(" ", await Task.WhenAll(describedBy!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => olle.Locator($"[id='{id}']").AllInnerTextsAsync())).ContinueWith(t => t.Result.SelectMany(x => x)));
        Assert.Contains("Fältet är obligatoriskt.", descriptions);

        // The context: whom it concerns by name and unit, the policy decision with its reasons and rule-set version,
        // and the diagram with the current step marked.
        await Assertions.Expect(olle.GetByTestId("task-context")).ToContainTextAsync("Maja Hedlund, Strokerehabteam");
        var decision = olle.Locator("section.task-decision").First;
        await Assertions.Expect(decision).ToContainTextAsync("Policybeslut");
        await Assertions.Expect(decision).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Regeluppsättning \S+, version \d+"));
        Assert.True(await decision.Locator("li").CountAsync() > 0, "The decision shows no reasons.");
        await Assertions.Expect(olle.GetByTestId("process-diagram").Locator(".djs-element.rjh-active")).ToHaveCountAsync(1);
        await Assertions.Expect(olle.GetByTestId("history")).ToContainTextAsync("startade ärendet");
        await olle.AssertAccessibleAsync();
        await olle.SaveScreenshotAsync("task");

        await olle.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" }).CheckAsync();
        await olle.GetByLabel("Motivering").FillAsync("Behöver nås på avdelningen");
        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(olle, taskUrl);

        await CompleteFirstAsync("sam.service", "Leverera enheten", page => Task.CompletedTask);
        await CompleteFirstAsync("maja.mobil", "Kvittera enheten", page => page.GetByLabel("Jag har tagit emot enheten").CheckAsync());

        using var admin = await App.ApiAs("admin");
        for (var attempt = 0; ; attempt++)
        {
            var links = await admin.GetFromJsonAsync<JsonObject>("/api/people/maja.mobil/links");
            var devices = links!["devices"]!.AsArray();
            if (devices.Count == 1 && devices[0]!["status"]!.GetValue<string>() == "Assigned") break;
            Assert.True(attempt < 100, "Maja's phone was never assigned: " + links.ToJsonString());
            await Task.Delay(200);
        }
    }
}
