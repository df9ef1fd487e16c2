using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Tasks;

/// <summary>
/// An inbox with more tasks than the count goes to: Mina uppgifter says "more than", and paging on counts further.
/// The step is 10 here instead of 1,000, so 31 tasks do what 1,001 do in production.
/// </summary>
public sealed class CappedCountTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int Tasks = 31;

    protected override (string Key, string? Value)[] Settings => [("Inbox:CountStep", "10")];

    [Fact]
    public async Task A_manager_with_more_tasks_than_counted_sees_more_than_and_the_exact_count_further_on()
    {
        await App.Host.DeployAsync(Bpmn.ManagerApproval, user: "admin");
        using (var anna = await App.ApiAs("anna.chef"))
        {
            for (var i = 1; i <= Tasks; i++)
            {
                using var started = await anna.PostAsJsonAsync("/api/instances", new { definitionKey = "manager-approval", businessKey = $"KOSTNAD-{i:000}" });
                await HttpAssert.StatusAsync(started, HttpStatusCode.Created);
            }
        }

        var olle = await SignedInAsync("olle.chef", "/tasks");
        var count = olle.GetByTestId("inbox-count");
        // 25 on the first page: the count goes to the next multiple of 10 past it, and 31 is more than 30.
        await Assertions.Expect(count).ToHaveTextAsync("Fler än 30 uppgifter hittades.");
        await Assertions.Expect(olle.GetByText("1–25 av fler än 30")).ToBeVisibleAsync();
        await olle.AssertAccessibleAsync();

        await olle.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync($"{Tasks} uppgifter hittades.");
        await Assertions.Expect(olle.GetByText($"26–{Tasks} av {Tasks}")).ToBeVisibleAsync();
        await Assertions.Expect(olle.GetByTestId("inbox").GetByRole(AriaRole.Row).Filter(new() { HasText = "KOSTNAD-" })).ToHaveCountAsync(Tasks - 25);
    }
}
