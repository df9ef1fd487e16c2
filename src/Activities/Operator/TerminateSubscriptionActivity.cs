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
public sealed class TerminateSubscriptionActivity(IOperatorClient client, ISubscriptionRegister subscriptions)
    : SubscriptionStatusActivity(client, subscriptions)
{
    protected override string Action => "terminate";

    protected override RegisterStatus Status => RegisterStatus.Terminated;

    protected override Task<Subscription> SendAsync(IOperatorClient operatorClient, string operatorId, string idempotencyKey, CancellationToken ct) =>
        operatorClient.TerminateSubscriptionAsync(operatorId, idempotencyKey, ct);
}
