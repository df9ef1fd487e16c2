using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Security;

/// <summary>The pages' Content-Security-Policy leaves Blazor's circuit, MudBlazor and the bpmn-js diagram working.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Interactive_pages_and_the_diagram_work_without_a_single_violation()
    {
        Guid id;
        using (var api = await App.ApiAs("erik.anstalld"))
            id = (await api.StartInstanceAsync("ordering",
                new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New", underRollout = false }))["id"]!.GetValue<Guid>();
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        await page.SignInAsAsync("erik.anstalld", "/my/requests");
        // The switch shows its new state only after the server re-rendered it over the circuit's WebSocket.
        var openOnly = page.GetByRole(AriaRole.Switch);
        await openOnly.ClickAsync();
        await Assertions.Expect(openOnly).ToBeCheckedAsync();

        await page.GotoAsync($"/my/requests/{id}");
        var diagram = page.GetByTestId("process-diagram");
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(diagram.Locator("[data-element-id='start']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zooma in" }).ClickAsync();

        Assert.Empty(violations);
    }
}
