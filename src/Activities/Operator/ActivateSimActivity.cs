using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>Activates the SIM of an ordered subscription when the device is handed over; the register records it Active.</summary>
[Activity("Operator.ActivateSim", Category = "Operator", DisplayNameSv = "Aktivera SIM", DisplayNameEn = "Activate SIM",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Aktiverar abonnemangets SIM eller eSIM hos operatören. BPMN-fel operator-rejected när operatören vägrar (t.ex. spärrat SIM).",
    DescriptionEn = "Activates the subscription's SIM or eSIM at the operator. BPMN error operator-rejected when the operator refuses (e.g. a blocked SIM).")]
[ActivityInput("subscriptionId", ActivityValueType.String, Required = true, DescriptionSv = "Abonnemangets id i registret", DescriptionEn = "The subscription's register id")]
public sealed class ActivateSimActivity(IOperatorClient client, ISubscriptionRegister subscriptions)
    : SubscriptionStatusActivity(client, subscriptions)
{
    protected override string Action => "activate the SIM of";

    protected override RegisterStatus Status => RegisterStatus.Active;

    protected override Task<Subscription> SendAsync(IOperatorClient operatorClient, string operatorId, string idempotencyKey, CancellationToken ct) =>
        operatorClient.ActivateSimAsync(operatorId, idempotencyKey, ct);
}
