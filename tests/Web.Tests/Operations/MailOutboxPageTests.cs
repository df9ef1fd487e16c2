using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Operations;

/// <summary>
/// A mail that could not be sent after its last attempt waits for an admin like an incident: /incidents says so,
/// /mail-outbox shows why, and "Försök igen" sends it once the cause is gone.
/// </summary>
public sealed class MailOutboxPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Key = "mail-outbox-page";

    // The mail folder's path is taken by a file, so writing a mail fails until the test puts a folder there.
    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), $"rjh-blocked-mail-{Guid.NewGuid():N}");

    protected override (string Key, string? Value)[] Settings
    {
        get
        {
            if (!Directory.Exists(mailFolder)) File.WriteAllText(mailFolder, "not a folder");
            return
            [
                ("Mail:Folder", mailFolder),
                ("Mail:Outbox:PollInterval", "00:00:00.100"),
                ("Mail:Outbox:RetryDelays:0", "00:00:00.100"),
            ];
        }
    }

    private static readonly string Process = Processes.Process(Key, $"""
        <bpmn:startEvent id="start" />
        {Processes.Service("mail", "Notify.Email", ("to", "'leverans@leverantor.se'"), ("template", "'generic'"),
            ("model", "({subject: 'Leverans kvitterad', body: 'Telefonen är kvitterad.'})"))}
        <bpmn:endEvent id="end" />
        {Processes.Chain("start", "mail", "end")}
        """, starterRoles: "Admin");

    [Fact]
    public async Task A_failed_mail_is_flagged_on_incidents_and_sent_by_a_retry_from_the_mail_outbox()
    {
        await App.Host.DeployAsync(Process, user: "admin");
        using var api = await App.ApiAs("admin");
        var started = await api.StartInstanceAsync(Key);
        Assert.Equal("Completed", started.Status());   // the mail never holds its process

        // Two attempts, 0.1 s apart, then the mail is Failed and waits for someone.
        await WaitForMailAsync(api, "failed");

        var page = await SignedInAsync("admin", "/incidents");
        await Assertions.Expect(page.GetByTestId("failed-mails")).ToContainTextAsync("1 e-postmeddelanden kunde inte skickas");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Visa e-postkön" }).ClickAsync();
        await page.WaitForURLAsync("**/mail-outbox");

        var row = page.GetByTestId("mails").GetByRole(AriaRole.Row).Filter(new() { HasText = "generic" });
        await Assertions.Expect(row).ToContainTextAsync("Misslyckat");
        await Assertions.Expect(row).ToContainTextAsync("2");   // both attempts
        await Assertions.Expect(row.Locator(".mail-error")).Not.ToBeEmptyAsync();
        await page.AssertAccessibleAsync();

        File.Delete(mailFolder);
        Directory.CreateDirectory(mailFolder);
        await row.GetByRole(AriaRole.Button, new() { Name = "Försök igen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-message")).ToContainTextAsync("skickas igen");

        await WaitForMailAsync(api, "sent");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Visa meddelanden" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Skickade" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mails").GetByRole(AriaRole.Row).Filter(new() { HasText = "generic" }))
            .ToContainTextAsync("Skickat");
        Assert.Single(Directory.GetFiles(mailFolder, "*.eml"));
    }

    private static async Task WaitForMailAsync(HttpClient api, string status)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if ((await HttpAssert.ArrayAsync(await api.GetAsync($"/api/mail-outbox?status={status}"))).Count > 0) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail became {status} within 20 s.");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (File.Exists(mailFolder)) File.Delete(mailFolder);
        if (Directory.Exists(mailFolder)) Directory.Delete(mailFolder, recursive: true);
    }
}
