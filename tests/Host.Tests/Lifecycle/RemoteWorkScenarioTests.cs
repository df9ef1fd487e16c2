using System.Net.Http.Json;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>remote-work-agreement</c> workflow: draft, approve, both sign, yearly follow-up, termination with notice.</summary>
public abstract class RemoteWorkScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : RemoteWorkScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : RemoteWorkScenarioTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task An_agreement_is_signed_followed_up_after_a_year_and_terminated_with_notice()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (id, agreementId) = await SignedAgreementAsync(s);
        Assert.Equal("Active", (await s.GetAsync($"/api/remote-work-agreements/{agreementId}", "maja.mobil"))["status"]!.GetValue<string>());

        await s.AdvanceAsync(TimeSpan.FromDays(366));
        await s.CompleteAsync("olle.chef", "follow-up-agreement", new { decision = "Terminate", comment = "Uppdraget ändras" }, id);
        var terminated = await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "noticePeriod"));
        var agreement = await s.GetAsync($"/api/remote-work-agreements/{agreementId}", "maja.mobil");
        Assert.Equal("Terminated", agreement["status"]!.GetValue<string>());
        var endsAt = terminated["variables"]!["agreementEndsAt"]!.GetValue<DateTimeOffset>();
        var now = (await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>();
        Assert.InRange(endsAt - now, TimeSpan.FromDays(27), TimeSpan.FromDays(32));   // one month's notice

        await s.AdvanceAsync(TimeSpan.FromDays(32));
        await s.WaitForStatusAsync(id, "Completed");
        var listed = (await s.GetArrayAsync("/api/remote-work-agreements", "hanna.hr")).Single(a => a!["id"]!.GetValue<string>() == agreementId)!;
        Assert.Equal("19800101-****", listed["personalNumber"]!.GetValue<string>());   // masked in every list
    }

    /// <summary>Maja's agreement, written, approved by Olle and signed by both: the process waits for the yearly follow-up.</summary>
    private static async Task<(Guid InstanceId, string AgreementId)> SignedAgreementAsync(LifecycleScenario s)
    {
        var start = await s.StartAsync("maja.mobil", "remote-work-agreement", new { employeeId = "maja.mobil" });
        var id = start["id"]!.GetValue<Guid>();
        var today = DateOnly.FromDateTime((await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>().UtcDateTime);

        await s.CompleteAsync("maja.mobil", "draft-agreement", new
        {
            personalNumber = "19800101-0019",
            workplace = "Strokerehabteamet, Östersund",
            startDate = today.AddDays(7).ToString("O"),
            remoteDaysPerWeek = 2,
            officeDaysPerWeek = 3,
            noticePeriod = new { value = 1, unit = "Months" },
            terms = new
            {
                workingHours = "08–16.30", availability = "Telefon och Teams under arbetstid", absenceRoutine = "Som på arbetsplatsen",
                meetingAttendance = "Arbetsplatsträffar på plats", tasks = "Journalföring och uppföljning", resultFollowUp = "Veckovis med chefen",
                connection = "Regionens VPN",
            },
        }, id);
        var instance = await s.GetAsync($"/api/instances/{id}");
        Assert.Null(instance["variables"]!["personalNumber"]?.GetValue<string>());   // never kept in the workflow's state
        await s.CompleteAsync("olle.chef", "approve-agreement", new { approved = true, comment = "Bra upplägg" }, id);
        await s.CompleteAsync("maja.mobil", "sign-agreement", new { signed = true }, id);
        await s.CompleteAsync("olle.chef", "sign-agreement", new { signed = true }, id);
        var agreementId = (await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "gwActive")))["variables"]!["agreementId"]!.GetValue<string>();
        return (id, agreementId);
    }

    [SkippableFact]
    public async Task Either_party_may_give_notice_at_any_time_and_the_process_waits_out_the_notice_period()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (id, agreementId) = await SignedAgreementAsync(s);
        await s.AdvanceAsync(TimeSpan.FromDays(40));

        var maja = await s.As("maja.mobil");
        using var response = await maja.PostAsJsonAsync($"/api/remote-work-agreements/{agreementId}/terminate", new { reason = "Flyttar närmare jobbet" });
        await HttpAssert.StatusAsync(response, System.Net.HttpStatusCode.OK);

        var waiting = await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "noticePeriod"));
        Assert.DoesNotContain(waiting["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "gwActive");
        var agreement = await s.GetAsync($"/api/remote-work-agreements/{agreementId}", "maja.mobil");
        Assert.Equal("Terminated", agreement["status"]!.GetValue<string>());
        Assert.Equal("Flyttar närmare jobbet", agreement["terminationReason"]!.GetValue<string>());

        await s.AdvanceAsync(TimeSpan.FromDays(32));
        await s.WaitForStatusAsync(id, "Completed");
        Assert.DoesNotContain(await s.JournalAsync(id), e => e!["elementId"]?.GetValue<string>() == "followUp");
    }

    [SkippableFact]
    public async Task Someone_who_is_not_a_party_cannot_give_notice_and_the_process_keeps_waiting()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (id, agreementId) = await SignedAgreementAsync(s);

        var erik = await s.As("erik.anstalld");
        using var response = await erik.PostAsJsonAsync($"/api/remote-work-agreements/{agreementId}/terminate", new { });
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound, response.StatusCode.ToString());

        Assert.Contains((await s.GetAsync($"/api/instances/{id}"))["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "gwActive");
        Assert.Equal("Active", (await s.GetAsync($"/api/remote-work-agreements/{agreementId}", "maja.mobil"))["status"]!.GetValue<string>());
    }
}
