using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Telephony;

/// <summary>Gives an extension, number unchanged, to another person (in their unit), at the switchboard and in the register.</summary>
[Activity("Telephony.MoveExtension", Category = "Telephony", DisplayNameSv = "Flytta anknytning", DisplayNameEn = "Move extension",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Flyttar anknytningen med samma nummer till en annan medarbetare. BPMN-fel telephony-rejected när växeln vägrar.",
    DescriptionEn = "Moves the extension, number unchanged, to another employee. BPMN error telephony-rejected when the switchboard refuses.")]
[ActivityInput("extensionId", ActivityValueType.String, Required = true, DescriptionSv = "Anknytningens id i registret", DescriptionEn = "The extension's register id")]
[ActivityInput("toEmployeeId", ActivityValueType.String, Required = true, DescriptionSv = "Den nya innehavarens anställningsnummer", DescriptionEn = "The new holder's employee id")]
public sealed class MoveExtensionActivity(ITelephonyClient client, IExtensionRegister extensions, IRegisterDirectory directory) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var person = await directory.RequirePersonAsync(context.RequiredString("toEmployeeId"), ct);
        var holder = new ExtensionHolder(ExtensionChange.UnitOf(person), person.EmployeeId, person.Name);
        var result = await ExtensionChange.ApplyAsync(extensions, context, "move",
            switchboardId => client.MoveExtensionAsync(switchboardId, holder, context.IdempotencyKey, ct),
            // An extension follows the person, not a device.
            (extension, key) => extensions.MoveAsync(RegisterUser.System, extension.Id, new Holder(person.EmployeeId, null), key, ct), ct);
        return result.Noted($"{result.JournalNote} New holder: employee {person.EmployeeId}.");
    }
}
