using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Telephony;

/// <summary>
/// Creates an extension for the person in their unit, forwarded to their mobile number when one is given, and
/// records it in the register with the switchboard's id. The output is the register's id and the number.
/// </summary>
[Activity("Telephony.CreateExtension", Category = "Telephony", DisplayNameSv = "Skapa anknytning", DisplayNameEn = "Create extension",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Skapar en anknytning i växeln för medarbetaren, kopplad till mobilnumret om det anges. BPMN-fel telephony-rejected när växeln vägrar.",
    DescriptionEn = "Creates a switchboard extension for the employee, forwarded to the mobile number when given. BPMN error telephony-rejected when the switchboard refuses.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Medarbetarens anställningsnummer", DescriptionEn = "The employee's id")]
[ActivityInput("msisdn", ActivityValueType.String, DescriptionSv = "Mobilnummer som samtal kopplas till", DescriptionEn = "Mobile number calls are forwarded to")]
[ActivityOutput("extensionId", ActivityValueType.String, DescriptionSv = "Anknytningens id i registret", DescriptionEn = "The extension's register id")]
[ActivityOutput("number", ActivityValueType.String, DescriptionSv = "Anknytningens nummer", DescriptionEn = "The extension number")]
public sealed class CreateExtensionActivity(ITelephonyClient client, IExtensionRegister extensions, IRegisterDirectory directory) : IActivity
{
    /// <summary>The region's one switchboard, as the register's import names it.</summary>
    private const string Switchboard = "RJH";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var person = await directory.RequirePersonAsync(context.RequiredString("employeeId"), ct);
        var request = new ExtensionRequest(new ExtensionHolder(ExtensionChange.UnitOf(person), person.EmployeeId, person.Name),
            context.OptionalString("msisdn"));
        var created = await ExternalCall.RunAsync($"create an extension for employee {person.EmployeeId}",
            () => client.CreateExtensionAsync(request, context.IdempotencyKey, ct));
        var recorded = await extensions.CreateAsync(RegisterUser.System,
            new NewExtension(created.Number, Switchboard, person.EmployeeId, SwitchboardExtensionId: created.Id), context.RegisterKey("record"), ct);
        return ActivityInputs.Outputs(("extensionId", recorded.Id), ("number", recorded.Number))
            .Noted($"Switchboard: created extension {recorded.Id} (switchboard extension {created.Id}) for employee {person.EmployeeId}.");
    }
}
