using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using static RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support.DemoUsers;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment;

public abstract class RemoteWorkAgreementTests(DatabaseKind kind)
{
    public sealed class Sqlite() : RemoteWorkAgreementTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : RemoteWorkAgreementTests(DatabaseKind.PostgreSql);

    private const string Masked = "19800101-****";

    private static async Task<RemoteWorkAgreementView> ActiveAsync(WorkEnvironmentHarness env, NoticePeriod? notice = null)
    {
        var draft = await env.Agreements.CreateAsync(Builders.Agreement(notice: notice), Anna);
        await env.Agreements.ApproveAsync(draft.Id, Anna);
        await env.Agreements.SignAsync(draft.Id, null, Erik);
        await env.Agreements.SignAsync(draft.Id, null, Anna);
        return await env.Agreements.ActivateAsync(draft.Id, Anna);
    }

    [SkippableFact]
    public async Task Draft_is_approved_signed_by_both_parties_and_activated()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Agreements.CreateAsync(Builders.Agreement(), Erik);

        var approved = await env.Agreements.ApproveAsync(draft.Id, Anna);
        var oneSignature = await env.Agreements.SignAsync(draft.Id, AgreementParty.Employee, Erik);
        var signed = await env.Agreements.SignAsync(draft.Id, null, Anna);
        Assert.False(await env.Agreements.HasActiveAgreementAsync("E200"));
        var active = await env.Agreements.ActivateAsync(draft.Id, Hanna);

        Assert.Equal((RemoteWorkStatus.Approved, "anna.chef"), (approved.Status, approved.ApprovedBy));
        Assert.Equal(RemoteWorkStatus.Approved, oneSignature.Status);
        Assert.Equal(RemoteWorkStatus.Signed, signed.Status);
        Assert.Equal([AgreementParty.Employee, AgreementParty.Manager], signed.Signatures.Select(s => s.Party));
        Assert.Equal(RemoteWorkStatus.Active, active.Status);
        Assert.Equal(new DateOnly(2027, 3, 2), active.NextFollowUpDue);
        Assert.True(await env.Agreements.HasActiveAgreementAsync("E200"));
        Assert.False(await env.Agreements.HasActiveAgreementAsync("E201"));
        var line = Assert.Single(active.Equipment);
        Assert.Equal((FakeRegisterDirectory.ErikPhone, "iPhone 15"), (line.DeviceId, line.Model));
    }

    [SkippableFact]
    public async Task Only_the_parties_sign_each_once_and_a_manager_does_not_approve_their_own()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Agreements.CreateAsync(Builders.Agreement(), Anna);
        var annasOwn = await env.Agreements.CreateAsync(Builders.Agreement("E100", "19900315-4565", equipment: []), Anna);

        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.ApproveAsync(draft.Id, Erik));
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.ApproveAsync(annasOwn.Id, Anna));
        await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() => env.Agreements.SignAsync(draft.Id, null, Erik));
        await env.Agreements.ApproveAsync(draft.Id, Anna);
        await env.Agreements.SignAsync(draft.Id, null, Erik);

        await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() => env.Agreements.SignAsync(draft.Id, null, Erik));
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.SignAsync(draft.Id, AgreementParty.Manager, Erik));
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.SignAsync(draft.Id, null, Hanna));
        Assert.Equal(RemoteWorkStatus.Approved, (await env.Agreements.GetAsync(draft.Id, Hanna)).Status);
    }

    [SkippableFact]
    public async Task A_forbidden_status_change_is_a_conflict_listing_the_allowed_ones()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Agreements.CreateAsync(Builders.Agreement(), Anna);

        var toActive = await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() =>
            env.Agreements.ChangeStatusAsync(draft.Id, RemoteWorkStatus.Active, null, Anna));
        await env.Agreements.ChangeStatusAsync(draft.Id, RemoteWorkStatus.Approved, null, Anna);
        var toSigned = await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() =>
            env.Agreements.ChangeStatusAsync(draft.Id, RemoteWorkStatus.Signed, null, Anna));

        Assert.Equal(["Approved"], toActive.Allowed);
        Assert.Equal(["Draft"], toSigned.Allowed);
        Assert.Equal(RemoteWorkStatus.Approved, (await env.Agreements.GetAsync(draft.Id, Anna)).Status);
    }

    [SkippableFact]
    public async Task Termination_ends_no_earlier_than_the_notice_period_and_counts_until_then()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var active = await ActiveAsync(env, new NoticePeriod(1, NoticeUnit.Months));

        var tooEarly = await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() =>
            env.Agreements.TerminateAsync(active.Id, new TerminationRequest("Flyttar", new DateOnly(2026, 3, 20)), Erik));
        var terminated = await env.Agreements.TerminateAsync(active.Id, new TerminationRequest("Flyttar"), Erik);

        Assert.Equal("endDate", tooEarly.Field);
        Assert.Equal((RemoteWorkStatus.Terminated, new DateOnly(2026, 4, 2), "erik.anstalld", "Flyttar"),
            (terminated.Status, terminated.EndDate, terminated.TerminatedBy, terminated.TerminationReason));
        Assert.True(await env.Agreements.HasActiveAgreementAsync("E200"));
        env.Time.Advance(TimeSpan.FromDays(32));
        Assert.False(await env.Agreements.HasActiveAgreementAsync("E200"));
    }

    [SkippableFact]
    public async Task Annual_follow_ups_are_recorded_on_an_active_agreement()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var active = await ActiveAsync(env);
        env.Time.Advance(TimeSpan.FromDays(365));

        var followed = await env.Agreements.RecordFollowUpAsync(active.Id,
            new FollowUpRequest(new DateOnly(2027, 3, 1), FollowUpDecision.Change, "En distansdag till."), Anna);

        var followUp = Assert.Single(followed.FollowUps);
        Assert.Equal((FollowUpDecision.Change, "anna.chef"), (followUp.Decision, followUp.RecordedBy));
        Assert.Equal(new DateOnly(2028, 3, 1), followed.NextFollowUpDue);
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.RecordFollowUpAsync(active.Id,
            new FollowUpRequest(new DateOnly(2027, 3, 1), FollowUpDecision.Continue, null), Erik));
        await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() => env.Agreements.RecordFollowUpAsync(active.Id,
            new FollowUpRequest(new DateOnly(2030, 1, 1), FollowUpDecision.Continue, null), Anna));
    }

    [SkippableFact]
    public async Task The_personnummer_is_encrypted_at_rest()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        await env.Agreements.CreateAsync(Builders.Agreement(), Anna);

        var row = Assert.Single(await env.RawRowsAsync("RemoteWorkAgreements"));

        Assert.DoesNotContain("1231", row);
        Assert.DoesNotContain("8001011231", row);
        Assert.Contains(Masked, row);
    }

    [SkippableFact]
    public async Task The_personnummer_is_full_for_the_parties_and_HR_and_masked_for_everyone_else_and_in_lists()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var created = await env.Agreements.CreateAsync(Builders.Agreement(), Anna);

        foreach (var party in new[] { Erik, Anna, Hanna })
            Assert.Equal(Builders.ErikNumber, (await env.Agreements.GetAsync(created.Id, party)).PersonalNumber);
        Assert.Equal(Masked, (await env.Agreements.GetAsync(created.Id, Admin)).PersonalNumber);
        foreach (var reader in new[] { Erik, Anna, Hanna, Admin })
            Assert.Equal(Masked, Assert.Single(await env.Agreements.ListAsync(reader)).PersonalNumber);
    }

    [SkippableFact]
    public async Task Another_users_agreement_is_not_found_and_not_listed()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var created = await env.Agreements.CreateAsync(Builders.Agreement(), Anna);

        foreach (var stranger in new[] { Maja, Olle, Sara, Sam })
        {
            await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Agreements.GetAsync(created.Id, stranger));
            await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Agreements.ApproveAsync(created.Id, stranger));
            Assert.Empty(await env.Agreements.ListAsync(stranger));
        }
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Agreements.CreateAsync(Builders.Agreement(), Maja));
    }

    [SkippableFact]
    public async Task The_audit_trail_never_holds_the_personnummer()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var created = await env.Agreements.CreateAsync(Builders.Agreement(), Anna);
        await env.Agreements.UpdateAsync(created.Id, Builders.Agreement(personalNumber: "800101-1231"), Erik);
        await env.Agreements.ApproveAsync(created.Id, Anna);

        var entries = await env.Audit.ReadAsync("RemoteWorkAgreement", created.Id.ToString(), Admin, 10);
        var raw = string.Join("\n", await env.RawRowsAsync("WorkEnvironmentAudit"));

        Assert.Equal(["Approved", "Updated", "Created"], entries.Select(e => e.Action));
        Assert.Contains(Masked, entries[0].After);
        Assert.DoesNotContain("1231", raw);
        Assert.Equal(3, (await env.Audit.ReadAsync("RemoteWorkAgreement", null, Anna, 10)).Count);
        Assert.Empty(await env.Audit.ReadAsync("RemoteWorkAgreement", null, Olle, 10));
    }

    [SkippableFact]
    public async Task Equipment_must_be_devices_assigned_to_the_employee_and_nothing_is_stored_otherwise()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);

        var error = await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() => env.Agreements.CreateAsync(
            Builders.Agreement(equipment: [new EquipmentLine(FakeRegisterDirectory.MajaPhone, null)]), Anna));

        Assert.Equal("equipment[0].deviceId", error.Field);
        Assert.Contains(FakeRegisterDirectory.MajaPhone.ToString(), error.Message);
        Assert.Empty(await env.Agreements.ListAsync(Hanna));
        Assert.Empty(await env.RawRowsAsync("WorkEnvironmentAudit"));
    }

    [SkippableFact]
    public async Task A_bad_personnummer_is_refused_without_repeating_it()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);

        var error = await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() =>
            env.Agreements.CreateAsync(Builders.Agreement(personalNumber: "19800101-1232"), Anna));

        Assert.Equal("personalNumber", error.Field);
        Assert.DoesNotContain("1232", error.Message);
        Assert.DoesNotContain("19800101", error.Message);
    }

    [SkippableFact]
    public async Task Workflow_calls_with_one_operation_key_create_once()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);

        var first = await env.Agreements.CreateAsync(Builders.Agreement(), RegisterUser.System, "wf-7:create");
        var again = await env.Agreements.CreateAsync(Builders.Agreement(), RegisterUser.System, "wf-7:create");
        await env.Agreements.ApproveAsync(first.Id, RegisterUser.System, "wf-7:approve");
        var approvedAgain = await env.Agreements.ApproveAsync(first.Id, RegisterUser.System, "wf-7:approve");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(RemoteWorkStatus.Approved, approvedAgain.Status);
        Assert.Single(await env.Agreements.ListAsync(Hanna));
        Assert.Equal(2, (await env.Audit.ReadAsync("RemoteWorkAgreement", first.Id.ToString(), Admin, 10)).Count);
    }
}
