using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Lends a loan-pool device to the person (InStock → OnLoan). Without <c>loanDeviceId</c> the first free pool device is
/// taken (Servicecenter handed out whatever was on the shelf); an empty pool is BPMN error <c>loan-pool-empty</c>.
/// </summary>
[Activity("Register.StartLoan", Category = "Register", DisplayNameSv = "Registrera lån", DisplayNameEn = "Start loan",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Lånar ut en enhet ur lånepoolen. BPMN-fel loan-pool-empty när poolen är tom.",
    DescriptionEn = "Lends a device from the loan pool. BPMN error loan-pool-empty when the pool is empty.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityInput("loanDeviceId", ActivityValueType.String,
    DescriptionSv = "Lånetelefonen (utelämnad: första lediga i poolen)", DescriptionEn = "The loan device (omitted: the first free one in the pool)")]
[ActivityOutput("loanDeviceId", ActivityValueType.String, DescriptionSv = "Lånetelefonens id", DescriptionEn = "The loan device's id")]
public sealed class StartLoanActivity(ILoanPool pool) : IActivity
{
    public const string LoanPoolEmpty = "loan-pool-empty";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var employeeId = context.RequiredString("employeeId");
        var deviceId = context.OptionalGuid("loanDeviceId") ?? await FirstFreeAsync(ct);
        var device = await pool.StartLoanAsync(RegisterUser.System, deviceId, employeeId, context.IdempotencyKey, ct);
        return ActivityInputs.Outputs(("loanDeviceId", device.Id)) with { JournalNote = $"Loan device {device.Id} lent" };
    }

    private async Task<Guid> FirstFreeAsync(CancellationToken ct) =>
        (await pool.GetAsync(RegisterUser.System, ct)).Devices.Where(d => d.Status == DeviceStatus.InStock)
        .OrderBy(d => d.Model, StringComparer.Ordinal).ThenBy(d => d.Id).Select(d => (Guid?)d.Id).FirstOrDefault()
        ?? throw new BpmnErrorException(LoanPoolEmpty, "The loan pool has no device in stock.");
}
