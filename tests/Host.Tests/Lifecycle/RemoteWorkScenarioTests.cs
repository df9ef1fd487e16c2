namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>remote-work-agreement</c> workflow: draft, approve, both sign, yearly follow-up, termination with notice.</summary>
public sealed class RemoteWorkScenarioTests
{
    [Fact]
    public async Task An_agreement_is_signed_followed_up_after_a_year_and_terminated_with_notice()
    {
        await using var s = await LifecycleScenario.StartAsync();
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
        var agreementId = (await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "yearly")))["variables"]!["agreementId"]!.GetValue<string>();
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
}
