using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Records the sign-offs the parties gave in their tasks ([{party, userName, approved, comment}]), each party signing as
/// the user who did the task, so the service's own checks apply (the manager must manage the scope, the safety
/// representative must have the role, two different people). One rejection decides: it alone is recorded, since a
/// rejected assessment takes no more sign-offs. Outputs the status and the rejection's comment.
/// </summary>
[Activity("RiskAssessment.SignOff", Category = "WorkEnvironment", DisplayNameSv = "Registrera beslut", DisplayNameEn = "Record sign-offs",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Registrerar chefens och skyddsombudets godkännande eller avslag.",
    DescriptionEn = "Records the manager's and the safety representative's approval or rejection.")]
[ActivityInput("riskAssessmentId", ActivityValueType.String, Required = true, DescriptionSv = "Riskbedömningens id", DescriptionEn = "The assessment's id")]
[ActivityInput("signOffs", ActivityValueType.Array, Required = true,
    DescriptionSv = "[{party, userName, approved, comment}]", DescriptionEn = "[{party, userName, approved, comment}]")]
[ActivityOutput("status", ActivityValueType.String, DescriptionSv = "Approved eller Rejected", DescriptionEn = "Approved or Rejected")]
[ActivityOutput("comment", ActivityValueType.String, DescriptionSv = "Avslagets kommentar", DescriptionEn = "The rejection's comment")]
public sealed class SignOffRiskAssessmentActivity(IRiskAssessmentService assessments) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("riskAssessmentId");
        var signOffs = context.RequiredObjectList("signOffs");
        var rejection = signOffs.FirstOrDefault(s => !s.Flag("approved"));
        RiskAssessmentView? view = null;
        foreach (var signOff in rejection is null ? signOffs : [rejection])
        {
            var party = Enum.Parse<SignOffParty>(signOff.Text("party") ?? throw Missing(context, "party"));
            var request = new SignOffRequest(signOff.Flag("approved") ? SignOffDecision.Approve : SignOffDecision.Reject, signOff.Text("comment"), party);
            var signer = TaskUsers.Signer(signOff, party == SignOffParty.Manager ? RegisterRoles.Manager : RegisterRoles.SafetyRep, context);
            view = await assessments.SignOffAsync(id, request, signer, context.OperationKey(party.ToString()), ct);
        }
        view ??= await assessments.GetAsync(id, RegisterUser.System, ct);
        return ActivityInputs.Outputs(("status", view.Status), ("comment", view.RejectionComment)) with
        {
            JournalNote = $"Risk assessment {id} {view.Status}",
        };
    }

    private static InvalidOperationException Missing(ActivityContext context, string field) =>
        new($"Step '{context.ElementId}': every sign-off needs '{field}'.");
}
