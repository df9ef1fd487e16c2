using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>Ends a subscription and releases its number; the register records it Terminated and unlinks it from its holder.</summary>
[Activity("Operator.TerminateSubscription", Category = "Operator", DisplayNameSv = "Säg upp abonnemang", DisplayNameEn = "Terminate subscription",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Säger upp abonnemanget hos operatören; numret släpps. BPMN-fel operator-rejected när operatören vägrar.",
    DescriptionEn = "Terminates the subscription at the operator; the number is released. BPMN error operator-rejected when the operator refuses.")]
[ActivityInput("subscriptionId", ActivityValueType.String, Required = true, DescriptionSv = "Abonnemangets id i registret", DescriptionEn = "The subscription's register id")]
public sealed class TerminateSubscriptionActivity(IOperatorClient client, ISubscriptionRegister subscriptions) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subscription = await subscriptions.RequireAsync(context, ct);
        return await SubscriptionChange.ApplyAsync(subscription, "terminate", context,
            operatorId => client.TerminateSubscriptionAsync(operatorId, context.IdempotencyKey, ct),
            key => subscriptions.SetStatusAsync(subscription, RegisterStatus.Terminated, key, ct));
    }
}
