using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>A rejected assessment goes back to Draft to be reworked; the rejection's comment stays for the next round.</summary>
[Activity("RiskAssessment.Revise", Category = "WorkEnvironment", DisplayNameSv = "Åter till utkast", DisplayNameEn = "Revise risk assessment",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "En avslagen riskbedömning blir ett utkast igen.", DescriptionEn = "A rejected assessment becomes a draft again.")]
[ActivityInput("riskAssessmentId", ActivityValueType.String, Required = true, DescriptionSv = "Riskbedömningens id", DescriptionEn = "The assessment's id")]
public sealed class ReviseRiskAssessmentActivity(IRiskAssessmentService assessments) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var view = await assessments.ReviseAsync(context.RequiredGuid("riskAssessmentId"), RegisterUser.System, null, context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Risk assessment {view.Id} {view.Status}" };
    }
}
