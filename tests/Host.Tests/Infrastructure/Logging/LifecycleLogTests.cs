using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Logging;

/// <summary>Lifecycle runs with a personnummer and a phone number in them leave neither in the logs.</summary>
public sealed partial class LifecycleLogTests : IDisposable
{
    private const string PersonalNumber = "19800101-0019";
    private readonly string logFolder = HostFactory.NewDirectory();

    [Fact]
    public async Task A_remote_work_agreement_and_searches_by_personnummer_leave_none_in_the_logs()
    {
        await using (var s = await LifecycleScenario.StartAsync(0,
            ("Logs:File", Path.Combine(logFolder, "rjh-.json")),
            ("Logging:LogLevel:Default", "Information"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Information"), // request lines carry the query string
            ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information")))
        {
            var start = await s.StartAsync("maja.mobil", "remote-work-agreement", new { employeeId = "maja.mobil" });
            var id = start["id"]!.GetValue<Guid>();
            await s.CompleteAsync("maja.mobil", "draft-agreement", AgreementDrafts.Valid(PersonalNumber, availability: "Telefon 070-123 45 67"), id);
            await s.CompleteAsync("olle.chef", "approve-agreement", new { approved = true, comment = "Bra upplägg" }, id);
            // The service desk searches by personnummer in every form, and once with a careless log line.
            foreach (var q in new[] { PersonalNumber, "198001010019", "800101-0019", "+46701234567" })
                await s.GetArrayAsync($"/api/people?q={Uri.EscapeDataString(q)}", "hanna.hr");
            var logger = s.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test.Careless");
#pragma warning disable CA2254 // the point: a template built from personal data
            logger.LogWarning($"Looked up {PersonalNumber} at 070-123 45 67");
#pragma warning restore CA2254
            logger.LogWarning("Looked up {Pnr} with {Facts}", 198001010019L, new { personalNumber = "8001010019" });
        }

        var logs = string.Join("\n", Directory.GetFiles(logFolder).Select(ReadShared));
        Assert.Contains("Request starting", logs);           // the capture works
        Assert.Contains("Looked up", logs);
        Assert.Contains("19800101-****", logs);              // masked, not dropped
        var found = RawPersonalData().Matches(logs).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, "In the logs: " + string.Join(", ", found));
    }

    /// <summary>
    /// A newcomer's whole life with a phone: onboarding orders and delivers one, she writes a remote-work agreement
    /// with her personnummer, the service desk looks her up by it, a start carrying it raw is refused, and offboarding
    /// takes the phone back. Every log line of the run is read for the number.
    /// </summary>
    [Fact]
    public async Task A_full_lifecycle_with_a_personnummer_in_play_leaves_none_in_the_logs()
    {
        await using (var s = await LifecycleScenario.StartAsync(0,
            ("Logs:File", Path.Combine(logFolder, "rjh-.json")),
            ("Logging:LogLevel:Default", "Information"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Information"),
            ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information"),
            ("DemoUsers:nils.ny", "Employee")))
        {
            var startDate = await s.RegisterNewHireAsync();
            var onboarding = (await s.StartAsync("hanna.hr", "onboarding", new { employeeId = "nils.ny", startDate = startDate.ToString("O") }))["id"]!.GetValue<Guid>();
            using (var raw = await (await s.As("hanna.hr")).PostAsJsonAsync("/api/instances",
                new { definitionKey = "onboarding", variables = new { employeeId = "nils.ny", startDate = startDate.ToString("O"), note = PersonalNumber } }))
                Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);

            // As OnboardingScenarioTests: the phone is late, a loan phone bridges the first day, then both are settled.
            await s.AdvanceAsync(TimeSpan.FromDays(15));
            await s.TaskAsync("anna.chef", "approve-order");
            await s.AdvanceAsync(TimeSpan.FromDays(6) + TimeSpan.FromHours(1));
            await s.CompleteAsync("sam.service", "hand-out-loan", null, onboarding);
            await s.CompleteAsync("anna.chef", "approve-order", new { approved = true, justification = "Ny medarbetare" });
            await s.CompleteAsync("sam.service", "deliver-device");
            await s.CompleteAsync("nils.ny", "acknowledge-handover", new { acknowledged = true });
            await s.CompleteAsync("sam.service", "return-loan", null, onboarding);
            await s.WaitForStatusAsync(onboarding, "Completed");
            var phoneId = Assert.Single((await s.LinksAsync("nils.ny"))["devices"]!.AsArray())!["id"]!.GetValue<string>();

            var agreement = (await s.StartAsync("nils.ny", "remote-work-agreement", new { employeeId = "nils.ny" }))["id"]!.GetValue<Guid>();
            await s.CompleteAsync("nils.ny", "draft-agreement", new
            {
                personalNumber = PersonalNumber, workplace = "Vårdavdelning 1", startDate = startDate.AddDays(14).ToString("O"),
                remoteDaysPerWeek = 1, officeDaysPerWeek = 4, noticePeriod = new { value = 1, unit = "Months" },
                terms = new
                {
                    workingHours = "07–16", availability = "Telefon 070-123 45 67", absenceRoutine = "Som på arbetsplatsen",
                    meetingAttendance = "På plats", tasks = "Planering", resultFollowUp = "Veckovis", connection = "VPN",
                },
            }, agreement);
            await s.CompleteAsync("anna.chef", "approve-agreement", new { approved = true, comment = "Bra" }, agreement);
            foreach (var q in new[] { PersonalNumber, "198001010019" })
                await s.GetArrayAsync($"/api/people?q={Uri.EscapeDataString(q)}", "hanna.hr");

            var lastDay = DateOnly.FromDateTime((await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>().UtcDateTime).AddDays(3);
            var offboarding = (await s.StartAsync("hanna.hr", "offboarding", new { employeeId = "nils.ny", lastDay = lastDay.ToString("O") }))["id"]!.GetValue<Guid>();
            await s.CompleteAsync("nils.ny", "return-devices", new { returnedDeviceIds = new[] { phoneId } }, offboarding);
            await s.CompleteAsync("anna.chef", "decide-subscription", new { action = "Transfer", transferTo = "erik.anstalld" }, offboarding);
            await s.WaitForStatusAsync(offboarding, "Completed");
        }

        var logs = string.Join("\n", Directory.GetFiles(logFolder).Select(ReadShared));
        Assert.Contains("Request starting", logs);
        Assert.Contains("/api/tasks/", logs);   // the lifecycle's own requests are in the capture
        var found = RawPersonalData().Matches(logs).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, "In the logs: " + string.Join(", ", found));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The personnummer of the run in each form (also URL-encoded), and its phone number.</summary>
    [GeneratedRegex(@"(19)?800101(-|\+|%2B|%2D)?0019|(\+|%2B)?(46|0)\s?70[\s-]?123\s?45\s?67")]
    private static partial Regex RawPersonalData();

    public void Dispose()
    {
        try { Directory.Delete(logFolder, recursive: true); }
        catch (IOException) { }
    }
}
