using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Messages;

/// <summary>
/// Meddelande till enheten through the API on the demo organisation: Anna Lindqvist (anna.chef) writes to Vårdavdelning 1
/// (herself, with her phone, and Erik, who has no device). The clock stands at the next working morning after the tests' clock start (Tuesday 8 December 2026 09:00 Stockholm).
/// </summary>
public sealed class UnitMessageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static object Message(string unitId = "HS-KIR-AVD1", bool urgent = false, string title = "Personalmöte flyttat",
        string[]? channels = null) =>
        new { unitId, title, body = "Mötet på torsdag är flyttat till kl. 14 i konferensrummet.", urgent, channels = channels ?? ["email", "push"] };

    [Fact]
    public async Task A_unit_the_manager_does_not_manage_is_refused_and_nothing_is_sent()
    {
        await using var scenario = await LifecycleScenario.StartAsync();
        var anna = await scenario.As("anna.chef");

        using var forged = await anna.PostAsJsonAsync("/api/unit-messages", Message(unitId: "HS-STROKE"));
        using var employee = await (await scenario.As("erik.anstalld")).PostAsJsonAsync("/api/unit-messages", Message());

        await HttpAssert.StatusAsync(forged, HttpStatusCode.Forbidden);
        await HttpAssert.StatusAsync(employee, HttpStatusCode.Forbidden);
        Assert.Empty(await scenario.GetArrayAsync("/api/instances?definitionKey=unit-message"));
        Assert.Empty(Notifications(scenario));
        Assert.False(Directory.Exists(scenario.MailFolder) && Directory.EnumerateFiles(scenario.MailFolder, "*.eml").Any());
        var units = await scenario.GetArrayAsync("/api/unit-messages/units", "anna.chef");
        Assert.Equal(["HS-KIR-AVD1"], units.Select(u => u!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_starts_nothing()
    {
        await using var scenario = await LifecycleScenario.StartAsync();
        var anna = await scenario.As("anna.chef");

        using var noTitle = await anna.PostAsJsonAsync("/api/unit-messages", Message(title: " "));
        using var noChannel = await anna.PostAsJsonAsync("/api/unit-messages", Message(channels: ["sms"]));
        using var personalNumber = await anna.PostAsJsonAsync("/api/unit-messages", Message(title: "Frågor: ring 19800101-0019"));

        Assert.NotNull((await HttpAssert.StatusAsync(noTitle, HttpStatusCode.BadRequest))!["errors"]!["title"]);
        Assert.NotNull((await HttpAssert.StatusAsync(personalNumber, HttpStatusCode.BadRequest))!["errors"]!["title"]);
        Assert.NotNull((await HttpAssert.StatusAsync(noChannel, HttpStatusCode.BadRequest))!["errors"]!["channels"]);
        Assert.Empty(await scenario.GetArrayAsync("/api/instances?definitionKey=unit-message"));
    }

    [Fact]
    public async Task An_urgent_message_at_six_in_the_evening_goes_at_once_by_both_channels()
    {
        await using var scenario = await LifecycleScenario.StartAsync();
        await scenario.AdvanceAsync(TimeSpan.FromHours(9));

        var sent = await SendAsync(scenario, Message(urgent: true));
        var message = await WaitAsync(scenario, sent, m => Recipients(m).All(r => r["state"]!.GetValue<string>() != "Sending"));

        var anna = Recipient(message, "anna.chef");
        Assert.Equal("Delivered", anna["state"]!.GetValue<string>());
        Assert.Equal(["email", "push"], Delivered(anna));
        var erik = Recipient(message, "erik.anstalld");
        Assert.Equal("Delivered", erik["state"]!.GetValue<string>());
        Assert.Equal(["email"], Delivered(erik));
        Assert.Contains(erik["deliveries"]!.AsArray(), d => d!["channel"]!.GetValue<string>() == "push" && d["reason"]!.GetValue<string>() == "no-device");
        var push = Assert.Single(Notifications(scenario));
        Assert.Equal(("Personalmöte flyttat", "push-anna.chef"), (push.Notification.Title, push.Notification.GroupIds.Single()));
        Assert.Equal(2, Directory.EnumerateFiles(scenario.MailFolder, "*.eml").Count());
    }

    [Fact]
    public async Task A_message_that_is_not_urgent_at_six_in_the_evening_waits_for_the_next_working_morning()
    {
        await using var scenario = await LifecycleScenario.StartAsync();
        await scenario.AdvanceAsync(TimeSpan.FromHours(9));

        var sent = await SendAsync(scenario, Message());

        // The next working morning by the region's calendar (Wednesday 9 December 07:00 from the usual start).
        var now = (await scenario.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>();
        var nextMorning = new WorkingCalendar(WorkingHours.Default).NextWorkingTimeStart(now);
        Assert.All(Recipients(sent), r =>
        {
            Assert.Equal("Held", r["state"]!.GetValue<string>());
            Assert.Equal(nextMorning, r["heldUntil"]!.GetValue<DateTimeOffset>());
        });
        Assert.Empty(Notifications(scenario));

        await scenario.AdvanceAsync(nextMorning - now - TimeSpan.FromHours(1));
        Assert.All(Recipients(await GetAsync(scenario, sent)), r => Assert.Equal("Held", r["state"]!.GetValue<string>()));

        await scenario.AdvanceAsync(TimeSpan.FromHours(1));
        var delivered = await WaitAsync(scenario, sent, m => Recipients(m).All(r => r["state"]!.GetValue<string>() == "Delivered"));
        // The controllable clock also runs on by itself between its jumps.
        Assert.InRange(Recipient(delivered, "anna.chef")["deliveries"]![0]!["at"]!.GetValue<DateTimeOffset>(), nextMorning, nextMorning.AddMinutes(1));
        Assert.Single(Notifications(scenario));
    }

    [Fact]
    public async Task A_held_message_survives_a_restart_and_goes_when_its_time_has_come()
    {
        var directory = HostFactory.NewDirectory();
        var evening = new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.FromHours(1));
        (string, string?)[] Settings(DateTimeOffset clock) =>
        [
            ("Engine:ClockStart", clock.ToString("O")), ("Mail:Folder", Path.Combine(directory, "mail")),
            ("Adapters:Mdm:Simulator:Latency", "00:00:00"), ("Engine:Jobs:BaseDelay", "00:00:00.050"),
        ];
        try
        {
            string id;
            await using (var first = HostFactory.WithDemo(directory, Settings(evening)))
            {
                using var anna = await first.ClientFor("anna.chef");
                using var response = await anna.PostAsJsonAsync("/api/unit-messages", Message());
                var sent = (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
                Assert.All(Recipients(sent), r => Assert.Equal("Held", r["state"]!.GetValue<string>()));
                id = sent["id"]!.GetValue<string>();
            }

            await using var second = HostFactory.WithDemo(directory, Settings(evening.AddHours(13)));
            using var again = await second.ClientFor("anna.chef");
            var watch = Stopwatch.StartNew();
            JsonObject message;
            do
            {
                await Task.Delay(100);
                message = (await HttpAssert.StatusAsync(await again.GetAsync($"/api/unit-messages/{id}"), HttpStatusCode.OK))!;
            }
            while (Recipients(message).Any(r => r["state"]!.GetValue<string>() != "Delivered") && watch.Elapsed < Patience);
            Assert.All(Recipients(message), r => Assert.Equal("Delivered", r["state"]!.GetValue<string>()));
            Assert.Single(second.Services.GetRequiredService<SimulatedMdmClient>().Notifications);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task When_the_MDM_stays_down_the_copy_fails_with_a_safe_reason()
    {
        await using var scenario = await LifecycleScenario.StartAsync(0,
            ("Adapters:Mdm:Simulator:FailureRate", "1"), ("Engine:Jobs:MaxAttempts", "2"));

        var sent = await SendAsync(scenario, Message(urgent: true, channels: ["push"]));
        var message = await WaitAsync(scenario, sent, m => Recipient(m, "anna.chef")["state"]!.GetValue<string>() != "Sending");

        var anna = Recipient(message, "anna.chef");
        Assert.Equal("Failed", anna["state"]!.GetValue<string>());
        Assert.Equal("technical", anna["deliveries"]![0]!["reason"]!.GetValue<string>());
        Assert.DoesNotContain("injected", message.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var erik = Recipient(message, "erik.anstalld");
        Assert.Equal(("Failed", "no-device"), (erik["state"]!.GetValue<string>(), erik["deliveries"]![0]!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_manager_cannot_read_the_message()
    {
        await using var scenario = await LifecycleScenario.StartAsync();
        var sent = await SendAsync(scenario, Message(urgent: true));

        using var olle = await (await scenario.As("olle.chef")).GetAsync($"/api/unit-messages/{sent["id"]}");

        await HttpAssert.StatusAsync(olle, HttpStatusCode.NotFound);
    }

    private static async Task<JsonObject> SendAsync(LifecycleScenario scenario, object message)
    {
        using var response = await (await scenario.As("anna.chef")).PostAsJsonAsync("/api/unit-messages", message);
        var sent = (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
        Assert.Equal(["Anna Lindqvist", "Erik Sundberg"], Recipients(sent).Select(r => r["name"]!.GetValue<string>()));
        return sent;
    }

    private static Task<JsonObject> GetAsync(LifecycleScenario scenario, JsonObject sent) =>
        scenario.GetAsync($"/api/unit-messages/{sent["id"]}", "anna.chef");

    private static async Task<JsonObject> WaitAsync(LifecycleScenario scenario, JsonObject sent, Func<JsonObject, bool> until)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var message = await GetAsync(scenario, sent);
            if (until(message)) return message;
            if (watch.Elapsed > Patience) Assert.Fail($"The message did not get there: {message.ToJsonString()}; {await scenario.IncidentsAsync()}");
            await Task.Delay(100);
        }
    }

    private static IEnumerable<JsonObject> Recipients(JsonObject message) => message["recipients"]!.AsArray().Select(r => r!.AsObject());

    private static JsonObject Recipient(JsonObject message, string employeeId) =>
        Recipients(message).Single(r => r["employeeId"]!.GetValue<string>() == employeeId);

    private static string[] Delivered(JsonObject recipient) =>
        [.. recipient["deliveries"]!.AsArray().Where(d => d!["delivered"]!.GetValue<bool>()).Select(d => d!["channel"]!.GetValue<string>())];

    private static IReadOnlyList<SentNotification> Notifications(LifecycleScenario scenario) =>
        scenario.Host.Services.GetRequiredService<SimulatedMdmClient>().Notifications;
}
