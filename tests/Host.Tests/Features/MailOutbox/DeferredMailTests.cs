using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Activities.Tests.Notify.Support;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.MailOutbox;

/// <summary>
/// Notify.Email through the real Host: a real SQLite file, the controllable clock, a real SMTP server (aiosmtpd) and
/// a restart in between. Without aiosmtpd the test is skipped on a developer's machine and fails on CI.
/// </summary>
public sealed class DeferredMailTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    // Friday 4 December 2026 at 18:00 in Stockholm: a delivery acknowledged at the end of the working week.
    private static readonly DateTimeOffset FridayAt1800 = new(2026, 12, 4, 18, 0, 0, Winter);
    private static readonly DateTimeOffset MondayAt0700 = new(2026, 12, 7, 7, 0, 0, Winter);

    private static readonly string NotifyAfterHours = Processes.Process("notify-after-hours", $"""
        <bpmn:startEvent id="start" />
        {Processes.Service("mail", "Notify.Email", ("to", "'extern@leverantor.se'"), ("template", "'generic'"),
            ("model", "({subject: 'Leverans kvitterad', body: 'Telefonen är kvitterad.'})"))}
        <bpmn:endEvent id="end" />
        {Processes.Chain("start", "mail", "end")}
        """);

    [SkippableFact]
    public async Task A_deferred_mail_is_sent_at_0700_monday_after_a_restart_while_its_instance_completed_at_once()
    {
        using var sink = await SmtpSink.StartOrSkipAsync();
        var directory = HostFactory.NewDirectory();
        (string, string?)[] settings =
        [
            ("Engine:ClockStart", FridayAt1800.ToString("O")),
            ("Mail:Mode", "Smtp"),
            ("Mail:Smtp:Host", "127.0.0.1"),
            ("Mail:Smtp:Port", sink.Port.ToString(CultureInfo.InvariantCulture)),
            ("Mail:Smtp:StartTls", "None"),
            ("Mail:Folder", Path.Combine(directory, "mail")),
            ("Mail:Outbox:PollInterval", "00:00:00.100"),
        ];
        try
        {
            Guid instanceId;
            await using (var before = HostFactory.With(directory, "Development", settings))
            {
                await before.DeployAsync(NotifyAfterHours);
                using var employee = await before.ClientFor("erik.anstalld");
                var started = await employee.StartInstanceAsync("notify-after-hours");
                instanceId = started["id"]!.GetValue<Guid>();

                Assert.Equal("Completed", started.Status()); // in the start command itself: nothing waits for the mail
                using var admin = await before.ClientFor("admin");
                Assert.Contains("held until 07:00 Monday 7 December 2026", await admin.GetStringAsync($"/api/instances/{instanceId}/journal"));
                var queued = Assert.Single(await HttpAssert.ArrayAsync(await admin.GetAsync("/api/mail-outbox?status=pending")))!;
                Assert.Equal(MondayAt0700, queued["sendAt"]!.GetValue<DateTimeOffset>());
                Assert.Equal(instanceId, queued["instanceId"]!.GetValue<Guid>());
                await Task.Delay(500); // several polls of the mail job
                Assert.Empty(sink.Received());
            }

            await using var after = HostFactory.With(directory, "Development", settings);
            using var admin2 = await after.ClientFor("admin");
            await Task.Delay(500);
            Assert.Empty(sink.Received()); // restarted on Friday evening: still held
            await AdvanceClockToAsync(admin2, MondayAt0700);

            var (_, to, message) = await OneMailAsync(sink);
            Assert.Equal(["extern@leverantor.se"], to);
            Assert.Equal("Leverans kvitterad", message.Subject);
            Assert.InRange(message.Date, MondayAt0700, MondayAt0700.AddMinutes(1));
            var sent = await SentMailAsync(admin2); // the sink has the message before the outbox records it as sent
            Assert.Equal(message.MessageId, sent["messageId"]!.GetValue<string>());
            Assert.Equal(instanceId, sent["instanceId"]!.GetValue<Guid>());
            Assert.Equal("Completed", (await admin2.WaitForInstanceAsync(instanceId, _ => true)).Status());

            await AdvanceClockToAsync(admin2, MondayAt0700.AddHours(1));
            await Task.Delay(500);
            Assert.Single(sink.Received()); // sent once
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_outbox_is_for_admins_and_refuses_an_unknown_status_or_mail()
    {
        await using var host = new HostFactory();
        using var employee = await host.ClientFor("erik.anstalld");
        using var admin = await host.ClientFor("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/mail-outbox?status=failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync($"/api/mail-outbox/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Empty(await HttpAssert.ArrayAsync(await admin.GetAsync("/api/mail-outbox?status=failed")));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/mail-outbox?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/mail-outbox?status=1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/mail-outbox?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/mail-outbox/{Guid.NewGuid()}/retry", null)).StatusCode);
    }

    private static async Task AdvanceClockToAsync(HttpClient admin, DateTimeOffset at)
    {
        var now = (await HttpAssert.StatusAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK))!["now"]!.GetValue<DateTimeOffset>();
        using var response = await admin.PostAsJsonAsync("/api/admin/clock", new { advance = System.Xml.XmlConvert.ToString(at - now) });
        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> SentMailAsync(HttpClient admin)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var sent = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/mail-outbox?status=sent"));
            if (sent.Count > 0 || watch.Elapsed > TimeSpan.FromSeconds(20)) return Assert.Single(sent)!;
            await Task.Delay(100);
        }
    }

    private static async Task<(string From, string[] To, MimeKit.MimeMessage Message)> OneMailAsync(SmtpSink sink)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                if (sink.Received() is { Count: > 0 } received) return Assert.Single(received);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
            {
                // The sink is still writing the message or its envelope.
            }
            await Task.Delay(100);
        }
        return Assert.Single(sink.Received());
    }
}
