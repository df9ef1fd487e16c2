using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Stores what the assessment task recorded and submits it (Draft → Submitted). When the service refuses the content
/// (no risk, no measure, no safety representative among the participants) that is a technical failure on purpose: the
/// task's data is wrong, and an incident shows it to someone who can fix it, where a BPMN error would hide it.
/// A repeated execution finds the assessment submitted already and only confirms it.
/// </summary>
[Activity("RiskAssessment.Submit", Category = "WorkEnvironment", DisplayNameSv = "Registrera riskbedömning", DisplayNameEn = "Submit risk assessment",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Sparar risker, åtgärder och deltagare och lämnar in riskbedömningen.",
    DescriptionEn = "Stores risks, measures and participants and submits the assessment.")]
[ActivityInput("riskAssessmentId", ActivityValueType.String, Required = true, DescriptionSv = "Riskbedömningens id", DescriptionEn = "The assessment's id")]
[ActivityInput("risks", ActivityValueType.Array, Required = true, DescriptionSv = "Risker (text eller objekt)", DescriptionEn = "Risks (texts or objects)")]
[ActivityInput("measures", ActivityValueType.Array, Required = true, DescriptionSv = "Åtgärder (text eller objekt)", DescriptionEn = "Measures (texts or objects)")]
[ActivityInput("participants", ActivityValueType.Array, Required = true,
    DescriptionSv = "Deltagare (användarnamn, namn eller objekt); ett skyddsombud måste vara med", DescriptionEn = "Participants (user names, names or objects); a safety representative must be among them")]
public sealed class SubmitRiskAssessmentActivity(IRiskAssessmentService assessments, AssessmentContent content) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("riskAssessmentId");
        var current = await assessments.GetAsync(id, RegisterUser.System, ct);
        if (current.Status == RiskAssessmentStatus.Draft)
        {
            var draft = new RiskAssessmentDraft(current.ScopeUnitId, current.Title, current.Description,
                AssessmentContent.Risks(context.RequiredArray("risks")), AssessmentContent.Measures(context.RequiredArray("measures")),
                await content.ParticipantsAsync(context.RequiredArray("participants"), ct));
            await assessments.UpdateAsync(id, draft, RegisterUser.System, ct);
        }
        var submitted = await assessments.SubmitAsync(id, RegisterUser.System, context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Risk assessment {id} {submitted.Status}" };
    }
}
