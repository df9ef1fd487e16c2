using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;
using static RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support.DemoUsers;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment;

public abstract class RiskAssessmentTests(DatabaseKind kind)
{
    public sealed class Sqlite() : RiskAssessmentTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : RiskAssessmentTests(DatabaseKind.PostgreSql);

    private static readonly SignOffRequest Approve = new(SignOffDecision.Approve, null);

    private static async Task<RiskAssessmentView> SubmittedAsync(WorkEnvironmentHarness env, string unit = "unit-akut")
    {
        var draft = await env.Assessments.CreateAsync(Builders.Assessment(unit), Hanna);
        return await env.Assessments.SubmitAsync(draft.Id, Sara);
    }

    [SkippableFact]
    public async Task Both_parties_approving_makes_it_Approved()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var submitted = await SubmittedAsync(env);

        var afterManager = await env.Assessments.SignOffAsync(submitted.Id, Approve, Anna);
        var afterBoth = await env.Assessments.SignOffAsync(submitted.Id, Approve, Sara);

        Assert.Equal(RiskAssessmentStatus.Submitted, afterManager.Status);
        Assert.Equal(RiskAssessmentStatus.Approved, afterBoth.Status);
        Assert.Equal([(SignOffParty.Manager, "anna.chef"), (SignOffParty.SafetyRep, "sara.skyddsombud")],
            afterBoth.SignOffs.Select(s => (s.Party, s.By)));
        Assert.Equal(env.Time.GetUtcNow(), afterBoth.DecidedAt);
    }

    [SkippableFact]
    public async Task A_rejection_rejects_with_its_comment_and_the_revised_assessment_can_be_resubmitted()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var submitted = await SubmittedAsync(env);
        await env.Assessments.SignOffAsync(submitted.Id, Approve, Anna);

        var rejected = await env.Assessments.SignOffAsync(submitted.Id, new SignOffRequest(SignOffDecision.Reject, "Återhämtning saknas."), Sara);
        var revised = await env.Assessments.ReviseAsync(submitted.Id, Hanna, "Lägger till återhämtning");
        var changed = Builders.Assessment() with { Risks = [.. Builders.Assessment().Risks!, new RiskItem("Återhämtning", "Kort vila mellan pass.", RiskLevel.Medium)] };
        await env.Assessments.UpdateAsync(submitted.Id, changed, Hanna);
        var resubmitted = await env.Assessments.SubmitAsync(submitted.Id, Sara);

        Assert.Equal((RiskAssessmentStatus.Rejected, "Återhämtning saknas."), (rejected.Status, rejected.RejectionComment));
        Assert.Equal(RiskAssessmentStatus.Draft, revised.Status);
        Assert.Empty(revised.SignOffs);
        Assert.Equal(RiskAssessmentStatus.Submitted, resubmitted.Status);
        Assert.Equal(2, resubmitted.Risks.Count);
    }

    [SkippableFact]
    public async Task A_forbidden_status_change_is_a_conflict_listing_the_allowed_ones()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Assessments.CreateAsync(Builders.Assessment(), Hanna);

        var conflict = await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() =>
            env.Assessments.ChangeStatusAsync(draft.Id, RiskAssessmentStatus.Approved, "direkt", Hanna));

        Assert.Equal(["Submitted"], conflict.Allowed);
        Assert.Equal(RiskAssessmentStatus.Draft, (await env.Assessments.GetAsync(draft.Id, Hanna)).Status);
    }

    [SkippableFact]
    public async Task Submitting_without_a_safety_representative_is_refused_and_changes_nothing()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Assessments.CreateAsync(Builders.Assessment(withSafetyRep: false), Hanna);

        var error = await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() => env.Assessments.SubmitAsync(draft.Id, Hanna));

        Assert.Equal("participants", error.Field);
        Assert.Equal(RiskAssessmentStatus.Draft, (await env.Assessments.GetAsync(draft.Id, Hanna)).Status);
        Assert.Single(await env.Audit.ReadAsync("RiskAssessment", draft.Id.ToString(), Admin, 10));
    }

    [SkippableFact]
    public async Task Each_party_signs_once_and_only_the_parties_sign()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var submitted = await SubmittedAsync(env);
        await env.Assessments.SignOffAsync(submitted.Id, Approve, Anna);

        await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() => env.Assessments.SignOffAsync(submitted.Id, Approve, Anna));
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Assessments.SignOffAsync(submitted.Id, Approve, Hanna));
        await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Assessments.SignOffAsync(submitted.Id, Approve, Olle));
        await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() =>
            env.Assessments.SignOffAsync(submitted.Id, new SignOffRequest(SignOffDecision.Reject, " "), Sara));
        Assert.Equal(RiskAssessmentStatus.Submitted, (await env.Assessments.GetAsync(submitted.Id, Hanna)).Status);
    }

    [SkippableFact]
    public async Task People_outside_the_scope_get_not_found_and_see_nothing_in_lists()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var draft = await env.Assessments.CreateAsync(Builders.Assessment("unit-akut"), Anna);

        await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Assessments.GetAsync(draft.Id, Erik));
        await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Assessments.GetAsync(draft.Id, Olle));
        await Assert.ThrowsAsync<WorkEnvironmentNotFoundException>(() => env.Assessments.SubmitAsync(draft.Id, Olle));
        await Assert.ThrowsAsync<WorkEnvironmentForbiddenException>(() => env.Assessments.CreateAsync(Builders.Assessment("unit-akut"), Olle));
        Assert.Empty(await env.Assessments.ListAsync(Olle));
        Assert.Single(await env.Assessments.ListAsync(Anna));
        Assert.Single(await env.Assessments.ListAsync(Sara));
    }

    [SkippableFact]
    public async Task Coverage_lists_the_assessments_of_the_unit_and_its_ancestors_nearest_first()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        await SubmittedAsync(env, "area-ost");
        var admin = await env.Assessments.CreateAsync(Builders.Assessment("adm-hsf"), Hanna);
        await env.Assessments.CreateAsync(Builders.Assessment("unit-rehab"), Hanna);

        var coverage = await env.Assessments.CoverageAsync("unit-akut");

        Assert.Equal([(OrgLevel.Area, RiskAssessmentStatus.Submitted, "area-ost"), (OrgLevel.Administration, RiskAssessmentStatus.Draft, "adm-hsf")],
            coverage.Select(c => (c.Scope, c.Status, c.UnitId)));
        Assert.Equal(admin.Id, coverage[1].AssessmentId);
    }

    [SkippableFact]
    public async Task A_unit_is_covered_by_its_areas_approved_assessment()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var area = await SubmittedAsync(env, "area-ost");
        await env.Assessments.SignOffAsync(area.Id, Approve, Anna);
        await env.Assessments.SignOffAsync(area.Id, Approve, Sara);

        var coverage = await env.Assessments.CoverageAsync("unit-rehab");

        var covering = Assert.Single(coverage);
        Assert.Equal((OrgLevel.Area, RiskAssessmentStatus.Approved, area.Id), (covering.Scope, covering.Status, covering.AssessmentId));
        Assert.Empty(await env.Assessments.CoverageAsync("adm-hsf"));
    }

    [SkippableFact]
    public async Task A_repeated_operation_key_changes_nothing()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);

        var first = await env.Assessments.CreateAsync(Builders.Assessment(), RegisterUser.System, "wf-1:create");
        var again = await env.Assessments.CreateAsync(Builders.Assessment(), RegisterUser.System, "wf-1:create");
        await env.Assessments.SubmitAsync(first.Id, RegisterUser.System, "wf-1:submit");
        var submittedAgain = await env.Assessments.SubmitAsync(first.Id, RegisterUser.System, "wf-1:submit");

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await env.Assessments.ListAsync(Hanna));
        Assert.Equal(RiskAssessmentStatus.Submitted, submittedAgain.Status);
        Assert.Equal(["Submitted", "Created"], (await env.Audit.ReadAsync("RiskAssessment", first.Id.ToString(), Admin, 10)).Select(a => a.Action));
        await Assert.ThrowsAsync<WorkEnvironmentConflictException>(() =>
            env.Assessments.ReviseAsync(first.Id, RegisterUser.System, operationKey: "wf-1:submit"));
    }

    [SkippableFact]
    public async Task Every_change_is_audited_for_admin_and_the_units_manager_only()
    {
        await using var env = await WorkEnvironmentHarness.CreateAsync(kind);
        var submitted = await SubmittedAsync(env);
        env.Time.Advance(TimeSpan.FromMinutes(5));
        await env.Assessments.SignOffAsync(submitted.Id, Approve, Anna);

        var entries = await env.Audit.ReadAsync("RiskAssessment", submitted.Id.ToString(), Admin, 10);

        Assert.Equal([("SignedOff", "anna.chef"), ("Submitted", "sara.skyddsombud"), ("Created", "hanna.hr")],
            entries.Select(e => (e.Action, e.Actor)));
        Assert.Null(entries[^1].Before);
        Assert.Contains("\"status\":\"Submitted\"", entries[0].Before);
        Assert.Contains("\"party\":\"Manager\"", entries[0].After);
        Assert.Equal(env.Time.GetUtcNow(), entries[0].At);
        Assert.Equal(3, (await env.Audit.ReadAsync("RiskAssessment", null, Anna, 10)).Count);
        Assert.Empty(await env.Audit.ReadAsync("RiskAssessment", null, Olle, 10));
        Assert.Empty(await env.Audit.ReadAsync("RiskAssessment", null, Sara, 10));
    }
}
