using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Reads a unit for a risk assessment of scope Unit or Area: the unit the assessment is written for, the units it
/// covers (those whose rollout it sets), and its two signers, the scope's manager and a safety representative, who
/// must be two different people (the work-environment service refuses one person for both). A unit without either
/// is a technical failure: nobody could sign the assessment off.
/// </summary>
[Activity("Register.DescribeUnit", Category = "Register", DisplayNameSv = "Hämta enhet", DisplayNameEn = "Describe unit",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Läser enheten, vilka enheter en riskbedömning omfattar och vem som signerar den.",
    DescriptionEn = "Reads the unit, the units a risk assessment covers and who signs it.")]
[ActivityInput("unitId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The unit's id")]
[ActivityInput("scope", ActivityValueType.String, Choices = ["Unit", "Area"],
    DescriptionSv = "Riskbedömningens omfattning (standard: Unit)", DescriptionEn = "The assessment's scope (default: Unit)")]
[ActivityOutput("unit", ActivityValueType.Object,
    DescriptionSv = "{id, name, areaId, scopeUnitId, unitIds, managerUserName, safetyRepUserName, signers}",
    DescriptionEn = "{id, name, areaId, scopeUnitId, unitIds, managerUserName, safetyRepUserName, signers}")]
public sealed class DescribeUnitActivity(IRegisterDirectory directory, UnitScopes scopes) : IActivity
{
    private enum Scope { Unit, Area }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var unitId = context.RequiredString("unitId");
        var unit = await directory.FindUnitAsync(unitId, ct)
            ?? throw new InvalidOperationException($"Register.DescribeUnit: there is no unit '{unitId}' in the register.");
        var area = context.OptionalEnum<Scope>("scope") == Scope.Area;
        var scopeUnit = await scopes.ScopeUnitAsync(unit, area, ct);
        var unitIds = area ? (await scopes.SubtreeAsync(scopeUnit.Id, ct)).Where(u => u.Level == OrgLevel.Unit).Select(u => u.Id).ToList()
            : [unit.Id];
        var manager = await scopes.ManagerAsync(scopeUnit.Id, ct)
            ?? throw new InvalidOperationException($"Register.DescribeUnit: '{scopeUnit.Id}' has no manager to sign the assessment off.");
        var safetyRep = await scopes.SafetyRepAsync(unit, manager.UserName, ct)
            ?? throw new InvalidOperationException($"Register.DescribeUnit: no safety representative found for '{unit.Id}'.");
        var areaId = (await directory.AncestryAsync(unit.Id, ct)).FirstOrDefault(u => u.Level == OrgLevel.Area)?.Id;

        return ActivityInputs.Outputs(("unit", new
        {
            unit.Id, unit.Name, areaId, scopeUnitId = scopeUnit.Id, unitIds, managerUserName = manager.UserName,
            safetyRepUserName = safetyRep.UserName,
            signers = new[] { new { party = "Manager", userName = manager.UserName }, new { party = "SafetyRep", userName = safetyRep.UserName } },
        })) with { JournalNote = $"Unit {unit.Id}: scope {scopeUnit.Id} covers {unitIds.Count} unit(s)" };
    }
}
