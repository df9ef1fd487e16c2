using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Activities.WorkEnvironment;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.Tests.WorkEnvironment;

public sealed class RiskAssessmentActivityTests : IAsyncLifetime
{
    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    private Task<RiskAssessmentView> Assessment(Guid id) => register.Get<IRiskAssessmentService>().GetAsync(id, RegisterUser.System);

    private async Task<Guid> CreatedAndSubmittedAsync()
    {
        var created = await register.RunAsync<CreateRiskAssessmentActivity>(new { unitId = "AKUT", scope = "Unit", rollout = "Mandatory" });
        var id = Guid.Parse(created.Output("riskAssessmentId").GetValue<string>());
        await register.RunAsync<SubmitRiskAssessmentActivity>(new
        {
            riskAssessmentId = id,
            risks = new object[] { "Ständig nåbarhet", new { topic = "Arbetstid", description = "Samtal efter passet", level = "High" } },
            measures = new object[] { "Riktlinje för svar efter arbetstid" },
            participants = new object[] { "sara.skyddsombud", "Erik Anställd" },
        });
        return id;
    }

    private static object[] SignOffs(bool managerApproves, string comment = "") =>
    [
        new { party = "Manager", userName = "anna.chef", approved = managerApproves, comment },
        new { party = "SafetyRep", userName = "sara.skyddsombud", approved = true, comment = "" },
    ];

    [Fact]
    public async Task An_assessment_is_created_submitted_with_the_task_data_and_approved_by_both_parties()
    {
        var id = await CreatedAndSubmittedAsync();

        var submitted = await Assessment(id);
        Assert.Equal((RiskAssessmentStatus.Submitted, "AKUT"), (submitted.Status, submitted.ScopeUnitId));
        Assert.Equal(RiskLevel.High, submitted.Risks[1].Level);
        // A user name in the participants brings the person's name and role: the safety representative is there.
        Assert.Contains(new Participant("Sara Skyddsombud", ParticipantRole.SafetyRep), submitted.Participants);
        Assert.Contains(new Participant("Erik Anställd", ParticipantRole.Other), submitted.Participants);

        var signed = await register.RunAsync<SignOffRiskAssessmentActivity>(new { riskAssessmentId = id, signOffs = SignOffs(true) });

        Assert.Equal("Approved", signed.Output("status").GetValue<string>());
        Assert.Null(signed.Outputs["comment"]);
        Assert.Equal(["anna.chef", "sara.skyddsombud"], (await Assessment(id)).SignOffs.Select(s => s.By));
    }

    [Fact]
    public async Task One_rejection_decides_and_revising_brings_the_assessment_back_to_draft()
    {
        var id = await CreatedAndSubmittedAsync();

        var signed = await register.RunAsync<SignOffRiskAssessmentActivity>(new
        {
            riskAssessmentId = id, signOffs = SignOffs(false, "Åtgärderna saknar ansvarig."),
        });

        Assert.Equal(("Rejected", "Åtgärderna saknar ansvarig."), (signed.Output("status").GetValue<string>(), signed.Output("comment").GetValue<string>()));
        await register.RunAsync<ReviseRiskAssessmentActivity>(new { riskAssessmentId = id });
        Assert.Equal(RiskAssessmentStatus.Draft, (await Assessment(id)).Status);
    }

    [Fact]
    public async Task Task_data_the_service_refuses_is_a_technical_failure_not_a_bpmn_error()
    {
        var created = await register.RunAsync<CreateRiskAssessmentActivity>(new { unitId = "OST", scope = "Area", rollout = "Voluntary" });

        var error = await Assert.ThrowsAsync<WorkEnvironmentValidationException>(() => register.RunAsync<SubmitRiskAssessmentActivity>(new
        {
            riskAssessmentId = created.Output("riskAssessmentId"), risks = new[] { "Risk" }, measures = new[] { "Åtgärd" },
            participants = new[] { "erik.anstalld" },
        }));
        Assert.Equal("participants", error.Field);
    }

    [Fact]
    public async Task A_scope_that_does_not_match_the_units_level_is_a_technical_failure()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            register.RunAsync<CreateRiskAssessmentActivity>(new { unitId = "AKUT", scope = "Area", rollout = "Voluntary" }));
        Assert.Contains("AKUT", error.Message);
    }
}
