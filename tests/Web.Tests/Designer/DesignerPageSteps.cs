using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>Steps on /designer/{key} that several designer tests take.</summary>
internal static class DesignerPageSteps
{
    public static async Task OpenedAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(page.GetByTestId("designer-properties")).ToBeVisibleAsync();
    }

    public static async Task ChooseElementAsync(IPage page, string element)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Element" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = element, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-properties")).ToHaveAttributeAsync("data-element-id", Regex.Match(element, @"\((\S+)\)$").Groups[1].Value);
    }
}
