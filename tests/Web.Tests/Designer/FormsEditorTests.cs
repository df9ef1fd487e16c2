using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>The forms editor (/designer/forms, /designer/forms/{key}): a process owner changes a task's form through the pages.</summary>
public sealed class FormsEditorTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_required_field_added_in_the_forms_editor_is_on_the_next_task_and_a_completion_without_it_is_refused()
    {
        var page = await SignedInAsync("process.owner", "/designer/forms");
        var row = page.GetByTestId("form-approve-order");
        await Assertions.Expect(row).ToContainTextAsync("Levererad med systemet");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("forms-list");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/designer/forms/approve-order");
        var editor = page.GetByTestId("forms-editor");
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-rendered", "true");

        // A component the task pages cannot show (form-js offers more than we render) is refused on save: nothing is stored.
        await editor.Locator("button.fjs-palette-field[data-field-type='taglist']").PressAsync("Enter");
        await page.GetByTestId("form-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-status")).ToContainTextAsync("Inget sparades");
        await Assertions.Expect(page.GetByTestId("form-problems")).ToContainTextAsync("Komponenttypen 'taglist' stöds inte");
        await Assertions.Expect(page.GetByTestId("form-versions").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(editor.Locator(".fjs-form-field-taglist")).ToHaveCountAsync(0);

        // Keyboard: Enter on a palette entry adds that field last; its properties show once it is selected.
        await editor.Locator("button.fjs-palette-field[data-field-type='textfield']").PressAsync("Enter");
        await editor.Locator(".fjs-form-field-textfield").Last.ClickAsync();
        await OpenGroupAsync(editor, "group-general");
        await editor.Locator("#bio-properties-panel-label").FillAsync("Kostnadsställe");
        var key = editor.Locator("#bio-properties-panel-key");
        await key.FillAsync("costCenter");
        await key.PressAsync("Tab");
        await OpenGroupAsync(editor, "group-validation");
        await editor.Locator("#bio-properties-panel-required").CheckAsync();

        // form-js hands a property change to the schema a moment later (debounced); preview again until it has arrived.
        var preview = page.GetByTestId("form-preview");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await page.GetByTestId("form-preview-button").ClickAsync();
            if (await preview.GetByLabel("Kostnadsställe *").IsVisibleAsync()) break;
            await page.WaitForTimeoutAsync(500);
        }
        await Assertions.Expect(preview.GetByLabel("Kostnadsställe *")).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByRole(AriaRole.Group, new() { Name = "Beslut *" })).ToBeVisibleAsync();

        await page.GetByLabel("Anteckning").FillAsync("Attesten anger kostnadsställe");
        await page.GetByTestId("form-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-status")).ToContainTextAsync("Sparad som utkast, version 2");
        await Assertions.Expect(page.GetByTestId("form-version-2")).ToContainTextAsync("Attesten anger kostnadsställe");
        await Assertions.Expect(page.GetByTestId("form-version-2")).ToContainTextAsync("utkast");
        await Assertions.Expect(page.GetByTestId("form-version-1")).ToContainTextAsync("gäller nu");
        // A draft reaches no task; publishing puts it in force for the tasks created from now on.
        await page.GetByTestId("form-publish-2").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-status")).ToContainTextAsync("Version 2 är publicerad");
        await Assertions.Expect(page.GetByTestId("form-version-2")).ToContainTextAsync("gäller nu");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("forms-editor");

        var maja = await SignedInAsync("maja.mobil", "/order");
        await Assertions.Expect(maja.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await maja.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();

        var olle = await SignedInAsync("olle.chef", "/tasks");
        await olle.ReloadUntilAsync(olle.GetByTestId("inbox"), "Attestera beställning");
        await olle.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = "Attestera beställning" }).First.ClickAsync();
        await olle.WaitForURLAsync("**/tasks/*");
        var taskUrl = olle.Url;
        var costCenter = olle.GetByLabel("Kostnadsställe *");
        await Assertions.Expect(costCenter).ToBeVisibleAsync();

        await olle.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" }).CheckAsync();
        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await Assertions.Expect(olle.GetByText("Fältet är obligatoriskt.")).ToBeVisibleAsync();
        Assert.Equal(taskUrl, olle.Url);

        // The API completes through the same check.
        var taskId = new Uri(taskUrl).Segments[^1];
        using (var api = await App.ApiAs("olle.chef"))
        using (var refused = await api.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("costCenter", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await costCenter.FillAsync("4711");
        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(olle, taskUrl);
        var task = await App.GetJsonAsync("olle.chef", $"/api/tasks/{taskId}");
        Assert.Equal("Completed", task["status"]!.GetValue<string>());
    }

    /// <summary>Opens a group of form-js' properties panel (they start closed; the header toggles).</summary>
    private static async Task OpenGroupAsync(ILocator editor, string group)
    {
        var entries = editor.Locator($"[data-group-id='{group}'] .bio-properties-panel-group-entries");
        if (!await entries.IsVisibleAsync()) await editor.Locator($"[data-group-id='{group}'] .bio-properties-panel-group-header").ClickAsync();
        await Assertions.Expect(entries).ToBeVisibleAsync();
    }
}
