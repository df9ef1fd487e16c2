using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Records the yearly follow-up, dated today (Swedish date). Change and Terminate need a comment; the service refuses
/// one without, a technical failure that shows the task's data problem as an incident.
/// </summary>
[Activity("Agreement.RecordFollowUp", Category = "WorkEnvironment", DisplayNameSv = "Registrera uppföljning", DisplayNameEn = "Record follow-up",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Registrerar årets uppföljning: fortsätt, ändra eller avsluta.", DescriptionEn = "Records the yearly follow-up: continue, change or terminate.")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
[ActivityInput("decision", ActivityValueType.String, Required = true, Choices = ["Continue", "Change", "Terminate"], DescriptionSv = "Beslut", DescriptionEn = "Decision")]
[ActivityInput("comment", ActivityValueType.String, DescriptionSv = "Kommentar", DescriptionEn = "Comment")]
public sealed class RecordAgreementFollowUpActivity(IRemoteWorkAgreementService agreements, TimeProvider time) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("agreementId");
        var request = new FollowUpRequest(SwedishCalendar.Today(time), context.RequiredEnum<FollowUpDecision>("decision"), context.OptionalString("comment"));
        await agreements.RecordFollowUpAsync(id, request, RegisterUser.System, context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Agreement {id} followed up: {request.Decision}" };
    }
}
