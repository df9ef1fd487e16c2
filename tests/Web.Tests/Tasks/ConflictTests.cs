using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

public sealed class ConflictTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_task_completed_elsewhere_meanwhile_says_so_and_keeps_what_was_typed()
    {
        await OrderPhoneAsync("maja.mobil");
        var olle = await SignedInAsync("olle.chef", "/tasks");
        await olle.ReloadUntilAsync(olle.GetByTestId("inbox"), "Attestera beställning");
        await olle.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = "Attestera beställning" }).First.ClickAsync();
        await olle.WaitForURLAsync("**/tasks/*");
        var taskUrl = olle.Url;
        await olle.GetByRole(AriaRole.Radio, new() { Name = "Avslå" }).CheckAsync();
        await olle.GetByLabel("Motivering").FillAsync("Har redan en telefon i tjänsten");

        // Meanwhile the task is decided elsewhere (Olle in another window: only he may decide it).
        using (var admin = await App.ApiAs("olle.chef"))
        {
            var taskId = taskUrl[(taskUrl.LastIndexOf('/') + 1)..];
            using var done = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
                new { variables = new { approved = true, justification = "Beslutat i ett annat fönster" } });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }

        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();

        await Assertions.Expect(olle.GetByText("Någon annan har redan slutfört uppgiften", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(taskUrl, olle.Url);
        await Assertions.Expect(olle.GetByLabel("Motivering")).ToHaveValueAsync("Har redan en telefon i tjänsten");
        await olle.AssertAccessibleAsync();
    }
}
