using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>
/// The shipped <c>risk-assessment</c> and <c>ordering</c> workflows together: no rollout before a signed-off risk
/// assessment, a rejection goes back to submission, approval releases waiting orders and orders for the rest of the unit.
/// </summary>
public abstract class RolloutScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : RolloutScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : RolloutScenarioTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task An_order_under_rollout_waits_for_the_risk_assessment_then_the_unit_gets_its_phones()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var order = await s.StartAsync("maja.mobil", "ordering",
            new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New", underRollout = true });
        var orderId = order["id"]!.GetValue<Guid>();
        await s.CompleteAsync("olle.chef", "approve-order", new { approved = true, justification = "Mobilt team" }, orderId);
        var waiting = await s.WaitForAsync(orderId, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "waitAssessment"));
        Assert.Equal("Closed", waiting["variables"]!["gate"]!["outcome"]!.GetValue<string>());

        var assessment = await s.StartAsync("hanna.hr", "risk-assessment", new { unitId = "HS-STROKE", scope = "Unit", rollout = "Voluntary" });
        var assessmentId = assessment["id"]!.GetValue<Guid>();
        var submission = new
        {
            risks = new[] { "Förväntan på ständig nåbarhet", "Gränslöst arbete" },
            measures = new[] { "Policy för användning efter arbetstid", "Syftet anges vid överlämning" },
            participants = new[] { "maja.mobil", "olle.chef", "sara.skyddsombud" },
        };
        await s.CompleteAsync("hanna.hr", "submit-risk-assessment", submission, assessmentId);
        await s.CompleteAsync("olle.chef", "sign-off-risk-assessment", new { approved = true, comment = "" }, assessmentId);
        await s.CompleteAsync("sara.skyddsombud", "sign-off-risk-assessment", new { approved = false, comment = "Återhämtning saknas" }, assessmentId);

        // The rejection returns it to submission with the comment; the order still waits.
        var resubmit = await s.TaskAsync("hanna.hr", "submit-risk-assessment", assessmentId);
        Assert.Equal("Återhämtning saknas", resubmit["variables"]!["rejectionComment"]!.GetValue<string>());
        Assert.Equal("Running", (await s.GetAsync($"/api/instances/{orderId}")).Status());
        await s.CompleteAsync("hanna.hr", "submit-risk-assessment", submission, assessmentId);
        await s.CompleteAsync("olle.chef", "sign-off-risk-assessment", new { approved = true, comment = "" }, assessmentId);
        await s.CompleteAsync("sara.skyddsombud", "sign-off-risk-assessment", new { approved = true, comment = "Bra" }, assessmentId);

        // Maja's waiting order is released; Olle, the unit's other person without a device, gets one under rollout.
        await s.CompleteAsync("sam.service", "deliver-device", null, orderId);
        await s.CompleteAsync("maja.mobil", "acknowledge-handover", new { acknowledged = true }, orderId);
        await s.WaitForStatusAsync(orderId, "Completed");
        await s.CompleteAsync("sam.service", "deliver-device");
        await s.CompleteAsync("olle.chef", "acknowledge-handover", new { acknowledged = true });
        await s.WaitForStatusAsync(assessmentId, "Completed");

        Assert.Equal("Voluntary", (await s.GetAsync("/api/units/HS-STROKE"))["rollout"]!.GetValue<string>());
        foreach (var person in new[] { "maja.mobil", "olle.chef" })
            Assert.Equal("Assigned", Assert.Single((await s.LinksAsync(person))["devices"]!.AsArray())!["status"]!.GetValue<string>());
        var orderJournal = await s.JournalAsync(orderId);
        Assert.Contains(orderJournal, e => e!["kind"]!.GetValue<string>() == "MessageCorrelated");
        var assessments = await s.GetArrayAsync("/api/risk-assessments?unitId=HS-STROKE", "hanna.hr");
        Assert.Equal("Approved", Assert.Single(assessments)!["status"]!.GetValue<string>());
    }
}
