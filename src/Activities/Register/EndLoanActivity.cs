using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>The loan device is back: OnLoan → InStock, in the pool again.</summary>
[Activity("Register.EndLoan", Category = "Register", DisplayNameSv = "Avsluta lån", DisplayNameEn = "End loan",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Lånetelefonen är tillbaka i lånepoolen.", DescriptionEn = "The loan device is back in the pool.")]
[ActivityInput("loanDeviceId", ActivityValueType.String, Required = true, DescriptionSv = "Lånetelefonens id", DescriptionEn = "The loan device's id")]
public sealed class EndLoanActivity(ILoanPool pool) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await pool.EndLoanAsync(RegisterUser.System, context.RequiredGuid("loanDeviceId"), context.IdempotencyKey, ct);
        return ActivityResult.Empty with { JournalNote = $"Loan device {device.Id} back in the pool" };
    }
}
