using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Records the manager's decision from their task: approved → Draft becomes Approved. Not approved changes nothing:
/// the agreement stays a Draft and the model sends it back to the employee (the comment travels in the process).
/// </summary>
[Activity("Agreement.Approve", Category = "WorkEnvironment", DisplayNameSv = "Registrera beslut", DisplayNameEn = "Record approval",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Chefen godkänner avtalet (eller skickar tillbaka utkastet).", DescriptionEn = "The manager approves the agreement (or sends the draft back).")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
[ActivityInput("approved", ActivityValueType.Boolean, Required = true, DescriptionSv = "Godkänt", DescriptionEn = "Approved")]
[ActivityInput("comment", ActivityValueType.String, DescriptionSv = "Kommentar", DescriptionEn = "Comment")]
public sealed class ApproveAgreementActivity(IRemoteWorkAgreementService agreements) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("agreementId");
        if (!context.RequiredBool("approved")) return ActivityResult.Empty with { JournalNote = $"Agreement {id} sent back to draft" };
        var view = await agreements.ApproveAsync(id, RegisterUser.System, context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Agreement {id} {view.Status}" };
    }
}
