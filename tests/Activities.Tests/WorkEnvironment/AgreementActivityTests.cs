using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Activities.WorkEnvironment;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.Tests.WorkEnvironment;

public sealed class AgreementActivityTests : IAsyncLifetime
{
    private const string PersonalNumber = "19800101-1231";

    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    private Task<RemoteWorkAgreementView> Agreement(Guid id) => register.Get<IRemoteWorkAgreementService>().GetAsync(id, RegisterUser.System);

    /// <summary>The process variables after Erik's draft task, as the model passes them (all of vars).</summary>
    private static JsonObject Vars(Guid agreementId, string? personalNumber = PersonalNumber) => new()
    {
        ["employeeId"] = "E300", ["agreementId"] = agreementId.ToString(), ["employee"] = new JsonObject { ["userName"] = "erik.anstalld" },
        ["personalNumber"] = personalNumber, ["workplace"] = "Hemma, Östersund", ["startDate"] = "2026-11-24",
        ["remoteDaysPerWeek"] = 2, ["officeDaysPerWeek"] = 3,
        ["terms"] = new JsonObject
        {
            ["workingHours"] = "08–17", ["availability"] = "Telefon 08–17", ["absenceRoutine"] = "Sjukanmälan före 08",
            ["meetingAttendance"] = "APT på plats", ["tasks"] = "Planering", ["resultFollowUp"] = "Månadsvis", ["connection"] = "VPN",
        },
        ["noticePeriod"] = new JsonObject { ["value"] = 1, ["unit"] = "Months" },
    };

    private async Task<Guid> SignedAgreementAsync()
    {
        var created = await register.RunAsync<CreateAgreementActivity>(new { employeeId = "E300" }, key: "create-1");
        var id = Guid.Parse(created.Output("agreementId").GetValue<string>());
        await register.RunAsync<SaveAgreementDraftActivity>(new { agreementId = id, fields = Vars(id) });
        await register.RunAsync<ApproveAgreementActivity>(new { agreementId = id, approved = true, comment = "" });
        var signed = await register.RunAsync<SignAgreementActivity>(new
        {
            agreementId = id,
            signatures = new[] { new { party = "Employee", userName = "erik.anstalld", signed = true }, new { party = "Manager", userName = "anna.chef", signed = true } },
        });
        Assert.Equal("Active", signed.Output("status").GetValue<string>());
        return id;
    }

    [Fact]
    public async Task The_id_is_given_before_the_draft_is_stored_and_the_same_execution_gives_the_same_id()
    {
        var first = await register.RunAsync<CreateAgreementActivity>(new { employeeId = "E300" }, key: "k");
        var again = await register.RunAsync<CreateAgreementActivity>(new { employeeId = "E300" }, key: "k");

        Assert.Equal(first.Output("agreementId").GetValue<string>(), again.Output("agreementId").GetValue<string>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => register.RunAsync<CreateAgreementActivity>(new { employeeId = "E999" }));
    }

    [Fact]
    public async Task Saving_the_draft_stores_the_personnummer_encrypted_and_clears_it_from_the_process_variables()
    {
        var id = Guid.Parse((await register.RunAsync<CreateAgreementActivity>(new { employeeId = "E300" })).Output("agreementId").GetValue<string>());

        var saved = await register.RunAsync<SaveAgreementDraftActivity>(new { agreementId = id, fields = Vars(id) });

        var cleared = Assert.Single(saved.Variables);
        Assert.Equal(("personalNumber", null), (cleared.Key, cleared.Value));
        Assert.DoesNotContain(PersonalNumber, saved.JournalNote);
        var agreement = await Agreement(id);
        Assert.Equal((RemoteWorkStatus.Draft, "Hemma, Östersund", 2), (agreement.Status, agreement.Workplace, agreement.RemoteDaysPerWeek));

        // A second round (sent back for changes) without the number keeps the stored one.
        var changed = Vars(id, personalNumber: null);
        changed["workplace"] = "Hemma, Frösön";
        await register.RunAsync<SaveAgreementDraftActivity>(new { agreementId = id, fields = changed });
        Assert.Equal("Hemma, Frösön", (await Agreement(id)).Workplace);
    }

    [Fact]
    public async Task Signed_by_both_the_agreement_is_in_force_and_the_policy_facts_say_so()
    {
        await SignedAgreementAsync();

        var facts = (await register.RunAsync<DescribeEmployeeActivity>(new { employeeId = "E300" })).Output("facts");
        Assert.True(facts["employee"]!["remoteWorkAgreement"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_rejected_draft_stays_a_draft()
    {
        var id = Guid.Parse((await register.RunAsync<CreateAgreementActivity>(new { employeeId = "E300" })).Output("agreementId").GetValue<string>());
        await register.RunAsync<SaveAgreementDraftActivity>(new { agreementId = id, fields = Vars(id) });

        await register.RunAsync<ApproveAgreementActivity>(new { agreementId = id, approved = false, comment = "Ange fler kontorsdagar" });

        Assert.Equal(RemoteWorkStatus.Draft, (await Agreement(id)).Status);
    }

    [Fact]
    public async Task Terminating_ends_the_agreement_at_midnight_swedish_time_when_the_notice_runs_out()
    {
        var id = await SignedAgreementAsync();
        await register.RunAsync<RecordAgreementFollowUpActivity>(new { agreementId = id, decision = "Terminate", comment = "Tjänsten ändras" });

        var terminated = await register.RunAsync<TerminateAgreementActivity>(new { agreementId = id });

        // One month's notice from 2026-11-24: the agreement ends 2026-12-24, which starts at 23:00 UTC the day before.
        Assert.Equal("2026-12-23T23:00:00.0000000+00:00", terminated.Output("endsAt").GetValue<string>());
        Assert.Equal(FollowUpDecision.Terminate, Assert.Single((await Agreement(id)).FollowUps).Decision);
        await Assert.ThrowsAsync<InvalidOperationException>(() => register.RunAsync<EndAgreementActivity>(new { agreementId = id }));
        register.Time.SetUtcNow(new DateTimeOffset(2026, 12, 23, 23, 0, 0, TimeSpan.Zero));
        var ended = await register.RunAsync<EndAgreementActivity>(new { agreementId = id });
        Assert.Equal($"Agreement {id} ended 2026-12-24", ended.JournalNote);
    }
}
