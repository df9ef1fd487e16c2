using System.Net.Http.Json;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Messages;

/// <summary>Meddelande till enheten through the pages: Anna Lindqvist writes to Vårdavdelning 1 (herself, with her phone, and Erik, without one).</summary>
public sealed class UnitMessagePageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_manager_sends_a_message_to_her_unit_and_sees_what_reached_each_person()
    {
        var anna = await SignedInAsync("anna.chef");
        await anna.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Meddelande till enheten" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Meddelande till enheten", Level = 1 })).ToBeVisibleAsync();
        await anna.AssertAccessibleAsync();

        await anna.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
        await Assertions.Expect(anna.GetByText("Skriv en rubrik.")).ToBeVisibleAsync();

        await anna.GetByLabel("Rubrik").FillAsync("Personalmöte flyttat");
        await anna.GetByLabel("Meddelande", new() { Exact = true }).FillAsync("Mötet på torsdag är flyttat till kl. 14.");
        await anna.SaveScreenshotAsync("unit-message");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();

        // Sending starts one delivery per person before the page moves on: on a busy CI machine that takes a while.
        await anna.WaitForURLAsync("**/messages/*-*", new() { Timeout = 60_000 });
        await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Skickat meddelande", Level = 1 })).ToBeVisibleAsync();
        var recipients = anna.GetByTestId("recipients");
        var annaRow = recipients.GetByTestId("recipient-anna.chef");
        var erikRow = recipients.GetByTestId("recipient-erik.anstalld");
        await Assertions.Expect(annaRow).ToContainTextAsync("Levererat");
        await Assertions.Expect(annaRow).ToContainTextAsync("pushnotis: levererat 7 dec. 2026 09:");
        await Assertions.Expect(annaRow).ToContainTextAsync("e-post: levererat");
        await Assertions.Expect(erikRow).ToContainTextAsync("pushnotis: misslyckades – personen har ingen hanterad mobil");
        await Assertions.Expect(erikRow).ToContainTextAsync("e-post: levererat");
        await anna.AssertAccessibleAsync();
        await anna.SaveScreenshotAsync("unit-message-sent");
        Assert.Equal(2, Directory.EnumerateFiles(App.MailFolder, "*.eml").Count());
    }

    [Fact]
    public async Task A_message_written_in_the_evening_waits_until_the_next_working_morning()
    {
        await AdvanceClockAsync("PT9H");
        var anna = await SignedInAsync("anna.chef", "/messages/new");

        await anna.GetByLabel("Rubrik").FillAsync("Ny rutin för överlämning");
        await anna.GetByLabel("Meddelande", new() { Exact = true }).FillAsync("Läs gärna igenom den nya rutinen i morgon.");
        await anna.GetByRole(AriaRole.Radio, new() { Name = "Bara e-post" }).CheckAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();

        var annaRow = anna.GetByTestId("recipient-anna.chef");
        await Assertions.Expect(annaRow).ToContainTextAsync("Väntar till 8 dec. 2026 07:00");
        await Assertions.Expect(anna.GetByTestId("recipient-erik.anstalld")).ToContainTextAsync("Väntar till 8 dec. 2026 07:00");
        await anna.AssertAccessibleAsync();

        // Thirteen hours on, the page's sign-in cookie has expired, so the open page is refreshed rather than reloaded.
        await AdvanceClockAsync("PT13H");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await annaRow.InnerTextAsync()).Contains("e-post: levererat", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            await anna.GetByRole(AriaRole.Button, new() { Name = "Uppdatera" }).ClickAsync();
        }
        await Assertions.Expect(annaRow).ToContainTextAsync("e-post: levererat 8 dec. 2026 07:0");
        await Assertions.Expect(annaRow).Not.ToContainTextAsync("pushnotis");
    }

    [Fact]
    public async Task Someone_who_is_not_a_manager_is_refused_the_page()
    {
        var erik = await SignedInAsync("erik.anstalld");

        await erik.GotoAsync("/messages/new");

        await Assertions.Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    private async Task AdvanceClockAsync(string by)
    {
        using var admin = await App.ApiAs("admin");
        using var response = await admin.PostAsJsonAsync("/api/admin/clock", new { advance = by });
        response.EnsureSuccessStatusCode();
    }
}
