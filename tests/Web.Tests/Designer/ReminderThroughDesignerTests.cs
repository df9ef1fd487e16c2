using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>
/// The first "done when", through pages only: a process owner adds a non-interrupting reminder timer on
/// the approval with an e-mail behind it, publishes, an order is started and waits for approval, the clock moves a
/// day and the manager's reminder mail arrives while the approval stays open.
/// </summary>
public sealed partial class ReminderThroughDesignerTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_reminder_timer_with_a_mail_added_in_the_designer_mails_the_manager_when_the_approval_waits_a_day()
    {
        var page = await SignedInAsync("process.owner", "/designer/ordering");
        await DesignerPageSteps.OpenedAsync(page);
        await DesignerPageSteps.ChooseElementAsync(page, "Attestera beställning (approveOrder)");
        var properties = page.GetByTestId("designer-properties");
        await Assertions.Expect(page.GetByTestId("prop-formKey-edit")).ToHaveAttributeAsync("href", "/designer/forms/approve-order");

        await page.GetByLabel("Fäst händelse på kanten").SelectOptionAsync("reminder");
        await page.GetByTestId("prop-attach-button").ClickAsync();
        await Assertions.Expect(properties).ToHaveAttributeAsync("data-element-id", NewElement());
        await Assertions.Expect(properties).ToContainTextAsync("Typ: BoundaryEvent");
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { NameRegex = CancelsActivity() })).Not.ToBeCheckedAsync();
        await FillAsync(page.GetByLabel("Namn", new() { Exact = true }), "Påminn efter en dag");
        await FillAsync(page.GetByLabel("Tid", new() { Exact = true }), "P1D");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Lägg till efter").SelectOptionAsync("bpmn:SendTask");
        await page.GetByTestId("prop-append-button").ClickAsync();
        await Assertions.Expect(properties).ToContainTextAsync("Typ: SendTask");
        await FillAsync(page.GetByLabel("Namn", new() { Exact = true }), "Påminn chefen");
        await page.GetByLabel("Aktivitetstyp").SelectOptionAsync("Notify.Email");
        await FillAsync(page.GetByLabel("to (String)"), "vars.employee.managerEmployeeId");
        await FillAsync(page.GetByLabel("template (String)"), "'generic'");
        await FillAsync(page.GetByLabel("model (Object)"),
            "({ subject: 'Attestera beställningen', body: 'Beställningen av ' + vars.deviceType + ' väntar på din attest sedan ett dygn.' })");

        await page.GetByLabel("Lägg till efter").SelectOptionAsync("bpmn:EndEvent");
        await page.GetByTestId("prop-append-button").ClickAsync();
        await Assertions.Expect(properties).ToContainTextAsync("Typ: EndEvent");
        await Assertions.Expect(page.GetByTestId("designer-diagnostics-none")).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("designer-reminder");

        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Sparad som version 2");
        await page.GetByLabel("Anteckning").FillAsync("Påminnelse till chefen efter en dag");
        await page.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 är publicerad")).ToBeVisibleAsync();

        var maja = await SignedInAsync("maja.mobil", "/order");
        await Assertions.Expect(maja.GetByTestId("entitlement").Locator("li").First).ToBeVisibleAsync();
        await maja.GetByRole(AriaRole.Button, new() { Name = "Skicka beställning" }).ClickAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beställningen är skickad" })).ToBeVisibleAsync();
        var olle = await SignedInAsync("olle.chef", "/tasks");
        await olle.ReloadUntilAsync(olle.GetByTestId("inbox"), "Attestera beställning");
        Assert.Empty(await RemindersAsync());

        using (var admin = await App.ApiAs("admin"))
        using (var moved = await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "P1D" }))
        {
            moved.EnsureSuccessStatusCode();
        }

        var reminders = await RemindersAsync(TimeSpan.FromSeconds(20));
        var reminder = Assert.Single(reminders);
        Assert.Contains("olle", reminder.To.Mailboxes.Single().Address, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("väntar på din attest sedan ett dygn", reminder.TextBody, StringComparison.Ordinal);
        // Non-interrupting: the approval is still Olle's to do (a day on, his old sign-in has expired).
        var olleNextDay = await SignedInAsync("olle.chef", "/tasks");
        await olleNextDay.ReloadUntilAsync(olleNextDay.GetByTestId("inbox"), "Attestera beställning");
    }

    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(value);
    }

    /// <summary>The reminder mails written so far, waiting up to <paramref name="wait"/> for the first.</summary>
    private async Task<IReadOnlyList<MimeMessage>> RemindersAsync(TimeSpan wait = default)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var found = Directory.Exists(App.MailFolder)
                ? Directory.EnumerateFiles(App.MailFolder, "*.eml").Select(path => MimeMessage.Load(path))
                    .Where(m => (m.Subject ?? "").Contains("Attestera beställningen", StringComparison.Ordinal)).ToList()
                : [];
            if (found.Count > 0 || DateTime.UtcNow >= deadline) return found;
            await Task.Delay(250);
        }
    }

    [GeneratedRegex("^Avbryter aktiviteten")]
    private static partial Regex CancelsActivity();

    [GeneratedRegex("^(?!approveOrder$).+")]
    private static partial Regex NewElement();
}
