using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

/// <summary>A task open to a role: Servicecenter takes it on its page, completes it and lands where the next work is.</summary>
public sealed class ClaimAndNextTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Servicecenter_takes_an_unclaimed_task_completes_it_and_lands_on_the_next_task_or_the_list()
    {
        await OrderPhoneAsync("maja.mobil");
        using (var olle = await App.ApiAs("olle.chef"))
        {
            var approval = await WaitForTaskAsync(olle, "Attestera beställning");
            using var done = await olle.PostAsJsonAsync($"/api/tasks/{approval}/complete",
                new { variables = new { approved = true, justification = "Behövs i tjänsten" } });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }

        var sam = await SignedInAsync("sam.service", "/tasks");
        await sam.ReloadUntilAsync(sam.GetByTestId("inbox"), "Leverera enheten");
        await sam.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = "Leverera enheten" }).First.ClickAsync();
        await sam.WaitForURLAsync("**/tasks/*");
        var taskUrl = sam.Url;
        var taskId = taskUrl[(taskUrl.LastIndexOf('/') + 1)..];

        await Assertions.Expect(sam.GetByText("Uppgiften är inte tagen av någon än.")).ToBeVisibleAsync();
        await sam.AssertAccessibleAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Ta uppgiften" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("Uppgiften är inte tagen av någon än.")).ToHaveCountAsync(0);

        using var api = await App.ApiAs("sam.service");
        var claimed = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal("sam.service", claimed["assignee"]!.GetValue<string>());
        // Where the page goes after "Slutför": Sam's next task when there is one, else the list saying there is none.
        var next = (await api.GetFromJsonAsync<JsonArray>("/api/tasks"))!
            .Select(t => t!["id"]!.GetValue<string>()).FirstOrDefault(id => id != taskId);

        await sam.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(sam, taskUrl);

        if (next is null)
        {
            Assert.EndsWith("/tasks?completed=true", sam.Url);
            await Assertions.Expect(sam.GetByRole(AriaRole.Status).Filter(new() { HasText = "Uppgiften är slutförd" })).ToBeVisibleAsync();
        }
        else
        {
            Assert.EndsWith($"/tasks/{next}", sam.Url);
        }
        var after = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.NotEqual("Open", after["status"]!.GetValue<string>());
    }

    private static async Task<string> WaitForTaskAsync(HttpClient client, string name)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var task = (await client.GetFromJsonAsync<JsonArray>("/api/tasks"))!.FirstOrDefault(t => t!["name"]?.GetValue<string>() == name);
            if (task is not null) return task["id"]!.GetValue<string>();
            await Task.Delay(200);
        }
        throw new TimeoutException($"No task '{name}' appeared.");
    }
}
