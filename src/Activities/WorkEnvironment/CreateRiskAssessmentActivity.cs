using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Opens an empty Draft assessment for the unit (scope Unit) or area (scope Area) a rollout is planned for; the
/// people doing the assessment fill it in through their task. The unit's level must match the scope, else the model
/// passed the wrong id (a technical failure).
/// </summary>
[Activity("RiskAssessment.Create", Category = "WorkEnvironment", DisplayNameSv = "Skapa riskbedömning", DisplayNameEn = "Create risk assessment",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Skapar ett utkast till riskbedömning för enheten eller området inför utrullning.",
    DescriptionEn = "Creates a draft risk assessment for the unit or area before a rollout.")]
[ActivityInput("unitId", ActivityValueType.String, Required = true, DescriptionSv = "Enheten eller området", DescriptionEn = "The unit or area")]
[ActivityInput("scope", ActivityValueType.String, Required = true, Choices = ["Unit", "Area"], DescriptionSv = "Omfattning", DescriptionEn = "Scope")]
[ActivityInput("rollout", ActivityValueType.String, Required = true, Choices = ["Voluntary", "Mandatory"], DescriptionSv = "Planerat läge", DescriptionEn = "Planned mode")]
[ActivityOutput("riskAssessmentId", ActivityValueType.String, DescriptionSv = "Riskbedömningens id", DescriptionEn = "The assessment's id")]
public sealed class CreateRiskAssessmentActivity(IRegisterDirectory directory, IRiskAssessmentService assessments) : IActivity
{
    private enum Scope { Unit = OrgLevel.Unit, Area = OrgLevel.Area }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var unitId = context.RequiredString("unitId");
        var scope = context.RequiredEnum<Scope>("scope");
        var rollout = context.RequiredEnum<RolloutMode>("rollout");
        var unit = await directory.FindUnitAsync(unitId, ct)
            ?? throw new InvalidOperationException($"RiskAssessment.Create: there is no unit '{unitId}' in the register.");
        if (unit.Level != (OrgLevel)scope)
            throw new InvalidOperationException($"RiskAssessment.Create: '{unitId}' is a {unit.Level}, not a {scope}.");
        var title = rollout == RolloutMode.Mandatory ? "Riskbedömning inför obligatorisk utrullning av mobila enheter"
            : "Riskbedömning inför frivillig utrullning av mobila enheter";
        var created = await assessments.CreateAsync(new RiskAssessmentDraft(unit.Id, title, null, null, null, null), RegisterUser.System,
            context.IdempotencyKey, ct);
        return ActivityInputs.Outputs(("riskAssessmentId", created.Id)) with { JournalNote = $"Risk assessment {created.Id} for {unit.Id}" };
    }
}
