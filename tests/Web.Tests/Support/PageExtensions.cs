using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RJH.DeviceWorkflows.Web.Tests.Support;

internal static class PageExtensions
{
    /// <summary>Signs in on /signin by clicking the demo user's button, as a person would; waits for the page after.</summary>
    public static async Task SignInAsAsync(this IPage page, string user, string returnUrl = "/")
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Logga in som {user}", Exact = false }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
        await page.WaitForBlazorAsync();
    }

    /// <summary>Waits until the interactive page is connected, so clicks reach their handlers.</summary>
    public static async Task WaitForBlazorAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
    }

    /// <summary>Reloads until <paramref name="locator"/> shows <paramref name="text"/>: for what background jobs finish after a click.</summary>
    public static async Task ReloadUntilAsync(this IPage page, ILocator locator, string text, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            if (await locator.CountAsync() > 0 && (await locator.First.InnerTextAsync()).Contains(text, StringComparison.Ordinal)) return;
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(300);
            await page.ReloadAsync();
            await page.WaitForBlazorAsync();
        }
        await Assertions.Expect(locator).ToContainTextAsync(text);
    }

    /// <summary>Fails on any serious or critical axe (WCAG 2.1 A/AA) violation, listing each with its elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>Saves the page as docs/screenshots/<paramref name="name"/>.png in the repository (shown in the README).</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RJH.DeviceWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (RJH.DeviceWorkflows.sln) was not found above the test's folder.");
    }
}
