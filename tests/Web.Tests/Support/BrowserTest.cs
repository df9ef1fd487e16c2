using System.Net.Http.Json;
using Microsoft.Playwright;

namespace RJH.DeviceWorkflows.Web.Tests.Support;

/// <summary>
/// A browser test: its own Host (<see cref="WebApp"/>, started per test so no test sees another's data) and
/// any number of people at their own browsers (<see cref="NewPageAsync"/>). The browsers close before the
/// Host stops, so no open circuit holds the shutdown.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    protected WebApp App { get; private set; } = default!;

    /// <summary>Settings for this test's Host, over <see cref="WebApp"/>'s.</summary>
    protected virtual (string Key, string? Value)[] Settings => [];

    public virtual Task InitializeAsync()
    {
        App = WebApp.Start(Settings);
        return Task.CompletedTask;
    }

    /// <summary>A person at a browser of their own (own cookies), not yet signed in.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync(App);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A person signed in as the demo user, on <paramref name="path"/>.</summary>
    protected async Task<IPage> SignedInAsync(string user, string path = "/")
    {
        var page = await NewPageAsync();
        await page.SignInAsAsync(user, path);
        return page;
    }

    /// <summary>The employee orders a phone for themself over the API (a new phone): the start of many page tests.</summary>
    protected async Task OrderPhoneAsync(string employee)
    {
        using var client = await App.ApiAs(employee);
        using var started = await client.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "ordering",
            variables = new { employeeId = employee, deviceType = "Phone", reason = "New" },
        });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
    }

    /// <summary>The person opens Mina uppgifter, opens the task whose name starts so, fills it and completes it.</summary>
    protected async Task CompleteFirstAsync(string user, string taskName, Func<IPage, Task> fill)
    {
        var page = await SignedInAsync(user, "/tasks");
        await page.ReloadUntilAsync(page.GetByTestId("inbox"), taskName);
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = taskName }).First.ClickAsync();
        await page.WaitForURLAsync("**/tasks/*");
        var taskUrl = page.Url;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(taskName);
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(page, taskUrl);
    }

    /// <summary>
    /// Waits for the task page to move on after "Slutför". Completing runs the process to its next wait state
    /// before the page moves, which on a loaded CI machine can take longer than a click's usual wait; when the page
    /// stays, the failure says what the page shows (a refusal, a notice, the circuit's error bar) rather than
    /// only that no navigation came.
    /// </summary>
    protected static async Task LeavesAfterCompletionAsync(IPage page, string taskUrl)
    {
        try
        {
            // Commit, not the default load: the page moves on inside the Blazor circuit, and a run on a loaded machine
            // showed the next page rendered while a wait for the load event had not ended after 45 s.
            await page.WaitForURLAsync(url => url != taskUrl, new() { Timeout = 45_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("[role=alert], [role=status], .validation-message, #blazor-error-ui").AllInnerTextsAsync();
            Assert.Fail($"The task page {taskUrl} did not move on after Slutför within 45 s; it shows: "
                        + string.Join(" | ", shown.Where(t => !string.IsNullOrWhiteSpace(t))));
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
        await App.DisposeAsync();
    }
}
