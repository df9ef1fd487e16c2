using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>
/// Hands a subscription and its number to another person (a leaver's successor): the operator's holder first,
/// then the register's. The register unlinks the device: the leaver's device is returned and restocked, the
/// number goes on with the person.
/// </summary>
[Activity("Operator.TransferSubscription", Category = "Operator", DisplayNameSv = "Flytta abonnemang", DisplayNameEn = "Transfer subscription",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Flyttar abonnemanget och numret till en annan medarbetare. BPMN-fel operator-rejected när operatören vägrar.",
    DescriptionEn = "Transfers the subscription and its number to another employee. BPMN error operator-rejected when the operator refuses.")]
[ActivityInput("subscriptionId", ActivityValueType.String, Required = true, DescriptionSv = "Abonnemangets id i registret", DescriptionEn = "The subscription's register id")]
[ActivityInput("toEmployeeId", ActivityValueType.String, Required = true, DescriptionSv = "Den nya innehavarens anställningsnummer", DescriptionEn = "The new holder's employee id")]
public sealed class TransferSubscriptionActivity(IOperatorClient client, ISubscriptionRegister subscriptions, IRegisterDirectory directory)
    : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subscription = await subscriptions.RequireAsync(context, ct);
        var person = await directory.RequirePersonAsync(context.RequiredString("toEmployeeId"), ct);
        var result = await SubscriptionChange.ApplyAsync(subscription, "transfer", context,
            operatorId => client.TransferSubscriptionAsync(operatorId, new SubscriptionHolder(person.EmployeeId, person.Name), context.IdempotencyKey, ct),
            key => subscriptions.TransferAsync(RegisterUser.System, subscription.Id, new Holder(person.EmployeeId, null), key, ct));
        return result.Noted($"{result.JournalNote} New holder: employee {person.EmployeeId}.");
    }
}
