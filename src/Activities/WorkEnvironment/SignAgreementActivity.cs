using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Records the signatures the parties gave in their tasks ([{party, userName, signed}]), each signing as the user who
/// did the task (a signature is personal; the service checks that the user is that party). When both have signed the
/// agreement comes into force (Signed → Active): the model has no separate step for it, and the yearly follow-up
/// needs an active agreement. Outputs the status (Active, or Approved while a signature is missing).
/// </summary>
[Activity("Agreement.Sign", Category = "WorkEnvironment", DisplayNameSv = "Registrera underskrifter", DisplayNameEn = "Record signatures",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Registrerar den anställdes och chefens underskrifter; avtalet börjar gälla när båda skrivit under.",
    DescriptionEn = "Records the employee's and the manager's signatures; the agreement comes into force when both have signed.")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
[ActivityInput("signatures", ActivityValueType.Array, Required = true, DescriptionSv = "[{party, userName, signed}]", DescriptionEn = "[{party, userName, signed}]")]
[ActivityOutput("status", ActivityValueType.String, DescriptionSv = "Avtalets status", DescriptionEn = "The agreement's status")]
public sealed class SignAgreementActivity(IRemoteWorkAgreementService agreements) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("agreementId");
        foreach (var signature in context.RequiredObjectList("signatures").Where(s => s.Flag("signed")))
        {
            var party = Enum.Parse<AgreementParty>(signature.Text("party") ?? "");
            await agreements.SignAsync(id, party, TaskUsers.Signer(signature, RegisterRoles.Employee, context), context.OperationKey(party.ToString()), ct);
        }
        var view = await agreements.GetAsync(id, RegisterUser.System, ct);
        if (view.Status == RemoteWorkStatus.Signed) view = await agreements.ActivateAsync(id, RegisterUser.System, context.OperationKey("activate"), ct);
        return ActivityInputs.Outputs(("status", view.Status)) with { JournalNote = $"Agreement {id} {view.Status}" };
    }
}
