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

    /// <summary>Keeps every frame the server sends over the page's circuit (Blazor's WebSocket), to check what a
    /// page's payload carries beyond what it shows.</summary>
    public static List<string> RecordCircuitFrames(this IPage page)
    {
        var frames = new List<string>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames) frames.Add(frame.Text ?? System.Text.Encoding.UTF8.GetString(frame.Binary ?? []));
        };
        return frames;
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus, as a keyboard user moves through the page, and
    /// checks that the focus can be seen there (an outline or a ring). Fails when it is never reached.
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 80)
    {
        for (var press = 0; press < maxPresses; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement || el.contains(document.activeElement)"))
            {
                var visible = await page.EvaluateAsync<bool>("""
                    () => { const s = getComputedStyle(document.activeElement);
                            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }
                    """);
                Assert.True(visible, $"The focus on {await target.EvaluateAsync<string>("el => el.outerHTML.slice(0, 120)")} cannot be seen.");
                return;
            }
        }
        Assert.Fail($"{target} was not reached with Tab in {maxPresses} presses on {page.Url}.");
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
