using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>Sets the rollout mode of the units an approved risk assessment covers (Voluntary or Mandatory).</summary>
[Activity("Register.SetUnitRollout", Category = "Register", DisplayNameSv = "Sätt utrullningsläge", DisplayNameEn = "Set unit rollout",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Sätter enheternas utrullningsläge: frivilligt eller obligatoriskt.", DescriptionEn = "Sets the units' rollout mode: voluntary or mandatory.")]
[ActivityInput("unitIds", ActivityValueType.Array, Required = true, DescriptionSv = "Enheternas id", DescriptionEn = "The units' ids")]
[ActivityInput("rollout", ActivityValueType.String, Required = true, Choices = ["Voluntary", "Mandatory"], DescriptionSv = "Läge", DescriptionEn = "Mode")]
public sealed class SetUnitRolloutActivity(IOrgRegister org) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var unitIds = context.RequiredStringList("unitIds");
        var mode = context.RequiredEnum<RolloutMode>("rollout");
        if (mode == RolloutMode.None) throw new InvalidOperationException($"Step '{context.ElementId}': the rollout must be Voluntary or Mandatory.");
        foreach (var unitId in unitIds)
            await org.SetRolloutModeAsync(RegisterUser.System, unitId, mode, context.OperationKey(unitId), ct);
        return ActivityResult.Empty with { JournalNote = $"Rollout {mode} for {string.Join(", ", unitIds)}" };
    }
}
