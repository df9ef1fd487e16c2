using System.Security.Cryptography;
using System.Text;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Names the agreement a workflow is about to write: its id, from the step's idempotency key so a repeated execution
/// gives the same one. Nothing is stored yet, because the service stores an agreement only with its content (the
/// personnummer, the terms), which the employee writes in the next task; Agreement.SaveDraft stores it under this id.
/// </summary>
[Activity("Agreement.Create", Category = "WorkEnvironment", DisplayNameSv = "Skapa avtal", DisplayNameEn = "Create agreement",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Ger avtalet om distansarbete ett id; innehållet sparas av Spara utkast.",
    DescriptionEn = "Gives the remote-work agreement an id; Save draft stores its content.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityOutput("agreementId", ActivityValueType.String, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
public sealed class CreateAgreementActivity(IRegisterDirectory directory) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var employeeId = context.RequiredString("employeeId");
        _ = await directory.FindPersonAsync(employeeId, ct)
            ?? throw new InvalidOperationException($"Agreement.Create: there is no employee '{employeeId}' in the register.");
        var id = IdFor(context.IdempotencyKey);
        return ActivityInputs.Outputs(("agreementId", id)) with { JournalNote = $"Agreement {id} for employee {employeeId}" };
    }

    /// <summary>A version-8 (name-based, SHA-256) UUID of the key.</summary>
    internal static Guid IdFor(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
