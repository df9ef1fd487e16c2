using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>
/// Orders a subscription with a number and a SIM or eSIM for the person, and records it in the register as
/// Ordered, linked to the person and the device, with the operator's id. The outputs are the register's id
/// (what the later steps take) and the number; the eSIM activation code stays with the operator.
/// </summary>
[Activity("Operator.OrderSubscription", Category = "Operator", DisplayNameSv = "Beställ abonnemang", DisplayNameEn = "Order subscription",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Beställer abonnemang med nummer och SIM/eSIM hos operatören och registrerar det som beställt. BPMN-fel operator-rejected när operatören vägrar.",
    DescriptionEn = "Orders a subscription with number and SIM/eSIM from the operator and records it as ordered. BPMN error operator-rejected when the operator refuses.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Medarbetarens anställningsnummer", DescriptionEn = "The employee's id")]
[ActivityInput("kind", ActivityValueType.String, Required = true, DescriptionSv = "Tal eller endast data", DescriptionEn = "Voice or data only",
    Choices = ["Voice", "DataOnly"])]
[ActivityInput("simType", ActivityValueType.String, Required = true, DescriptionSv = "SIM-kort eller eSIM", DescriptionEn = "SIM card or eSIM",
    Choices = ["SIM", "eSIM"])]
[ActivityInput("deviceId", ActivityValueType.String, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
[ActivityOutput("subscriptionId", ActivityValueType.String, DescriptionSv = "Abonnemangets id i registret", DescriptionEn = "The subscription's register id")]
[ActivityOutput("msisdn", ActivityValueType.String, DescriptionSv = "Mobilnumret", DescriptionEn = "The mobile number")]
public sealed class OrderSubscriptionActivity(IOperatorClient client, ISubscriptionRegister subscriptions, IRegisterDirectory directory,
    IOptions<OperatorOptions> options) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var person = await directory.RequirePersonAsync(context.RequiredString("employeeId"), ct);
        var usage = context.RequiredEnum<SubscriptionUsage>("kind");
        var sim = SimKindOf(context);
        var deviceId = context.OptionalGuid("deviceId");

        var order = new SubscriptionOrder(usage == SubscriptionUsage.Voice ? SubscriptionKind.Voice : SubscriptionKind.DataOnly,
            sim == SimKind.ESim ? SimType.Esim : SimType.Sim, new SubscriptionHolder(person.EmployeeId, person.Name));
        var ordered = await ExternalCall.RunAsync($"order a subscription for employee {person.EmployeeId}",
            () => client.OrderSubscriptionAsync(order, context.IdempotencyKey, ct));
        var recorded = await subscriptions.CreateAsync(RegisterUser.System,
            new NewSubscription(ordered.Msisdn, options.Value.Name, sim, usage, person.EmployeeId, deviceId, RegisterStatus.Ordered, ordered.Id),
            context.RegisterKey("record"), ct);
        return ActivityInputs.Outputs(("subscriptionId", recorded.Id), ("msisdn", recorded.Msisdn))
            .Noted($"Operator: ordered subscription {recorded.Id} (operator subscription {ordered.Id}) for employee {person.EmployeeId}.");
    }

    // The models write "SIM" and "eSIM"; the register spells the enum ESim.
    private static SimKind SimKindOf(ActivityContext context) => context.RequiredString("simType").ToUpperInvariant() switch
    {
        "SIM" => SimKind.Sim,
        "ESIM" => SimKind.ESim,
        _ => throw new InvalidOperationException($"Step '{context.ElementId}': the input 'simType' must be SIM | eSIM."),
    };
}
