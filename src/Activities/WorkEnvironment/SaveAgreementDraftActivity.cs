using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Stores the draft the employee wrote: the first save creates the agreement under the id Agreement.Create gave, later
/// ones (after a rejection or a follow-up asking for changes) replace the draft. The personnummer is stored encrypted by
/// the service and set to null in the process variables in the same step, so the plain text never stays in the
/// engine's state; a later save without it keeps the stored one. Refused content is a technical failure (an incident).
/// </summary>
[Activity("Agreement.SaveDraft", Category = "WorkEnvironment", DisplayNameSv = "Spara utkast", DisplayNameEn = "Save draft",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Sparar avtalets fält; personnumret tas bort ur processvariablerna i samma steg.",
    DescriptionEn = "Stores the agreement's fields; the personnummer is removed from the process variables in the same step.")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
[ActivityInput("fields", ActivityValueType.Object, Required = true,
    DescriptionSv = "Avtalets fält (vanligen alla processvariabler)", DescriptionEn = "The agreement's fields (usually all process variables)")]
public sealed class SaveAgreementDraftActivity(IRemoteWorkAgreementService agreements) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("agreementId");
        var fields = context.RequiredObject("fields");
        var draft = AgreementFields.Draft(fields, fields.Text("employeeId")
            ?? throw new InvalidOperationException($"Step '{context.ElementId}': the fields need 'employeeId'."));
        if (await ExistsAsync(id, ct)) await agreements.UpdateAsync(id, draft, RegisterUser.System, ct);
        else await agreements.CreateAsync(id, draft, RegisterUser.System, context.IdempotencyKey, ct);
        return ActivityResult.Empty with
        {
            Variables = AgreementFields.PersonalNumberVariables.Where(fields.ContainsKey).ToDictionary(name => name, _ => (JsonNode?)null),
            JournalNote = $"Agreement {id} draft saved",
        };
    }

    private async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await agreements.GetAsync(id, RegisterUser.System, ct);
            return true;
        }
        catch (WorkEnvironmentNotFoundException)
        {
            return false;
        }
    }
}
