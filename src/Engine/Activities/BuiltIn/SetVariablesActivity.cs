namespace RJH.DeviceWorkflows.Engine.Activities.BuiltIn;

/// <summary>Each input becomes a process variable of the same name.</summary>
[Activity("SetVariables", Category = "Engine", DisplayNameSv = "Sätt variabler", DisplayNameEn = "Set variables",
    DescriptionSv = "Varje indata blir en processvariabel med samma namn.", DescriptionEn = "Each input becomes a process variable of the same name.")]
internal sealed class SetVariablesActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        Task.FromResult(ActivityResult.Empty with { Variables = context.Inputs });
}
