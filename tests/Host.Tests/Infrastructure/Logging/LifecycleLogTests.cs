using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Logging;

/// <summary>A lifecycle run with a personnummer and a phone number in it leaves neither in the logs.</summary>
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
            await s.CompleteAsync("maja.mobil", "draft-agreement", new
            {
                personalNumber = PersonalNumber,
                workplace = "Strokerehabteamet, Östersund",
                startDate = "2027-01-04",
                remoteDaysPerWeek = 2,
                officeDaysPerWeek = 3,
                noticePeriod = new { value = 1, unit = "Months" },
                terms = new
                {
                    workingHours = "08–16.30", availability = "Telefon 070-123 45 67", absenceRoutine = "Som på arbetsplatsen",
                    meetingAttendance = "På plats", tasks = "Journalföring", resultFollowUp = "Veckovis", connection = "VPN",
                },
            }, id);
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
