using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.ExtensionStatus;

namespace RJH.DeviceWorkflows.Activities.Telephony;

/// <summary>Removes an extension (its number returns to the switchboard's pool); the register records it Removed and unlinked.</summary>
[Activity("Telephony.RemoveExtension", Category = "Telephony", DisplayNameSv = "Ta bort anknytning", DisplayNameEn = "Remove extension",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Tar bort anknytningen i växeln; numret går tillbaka. BPMN-fel telephony-rejected när växeln vägrar.",
    DescriptionEn = "Removes the extension at the switchboard; the number is released. BPMN error telephony-rejected when the switchboard refuses.")]
[ActivityInput("extensionId", ActivityValueType.String, Required = true, DescriptionSv = "Anknytningens id i registret", DescriptionEn = "The extension's register id")]
public sealed class RemoveExtensionActivity(ITelephonyClient client, IExtensionRegister extensions) : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        ExtensionChange.ApplyAsync(extensions, context, "remove",
            switchboardId => client.RemoveExtensionAsync(switchboardId, context.IdempotencyKey, ct),
            // Removed already (by hand in the register): the register refuses a move to the same status.
            (extension, key) => extension.Status == RegisterStatus.Removed
                ? Task.CompletedTask
                : extensions.SetStatusAsync(RegisterUser.System, extension.Id, RegisterStatus.Removed, key, ct), ct);
}
