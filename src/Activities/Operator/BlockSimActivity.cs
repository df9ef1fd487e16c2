using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>
/// Blocks the SIM of a lost or unreturned device at once. Given a device, it blocks the active subscription linked
/// to it; a device without one (a tablet without SIM, a SIM never activated or blocked already) is nothing to
/// block, which is success: the models call this for every missing device.
/// </summary>
[Activity("Operator.BlockSim", Category = "Operator", DisplayNameSv = "Spärra SIM", DisplayNameEn = "Block SIM",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Spärrar SIM-kortet hos operatören (förlorad enhet). Ange abonnemang eller enhet; inget aktivt abonnemang är inget fel.",
    DescriptionEn = "Blocks the SIM at the operator (lost device). Give a subscription or a device; no active subscription is not an error.")]
[ActivityInput("subscriptionId", ActivityValueType.String, DescriptionSv = "Abonnemangets id i registret", DescriptionEn = "The subscription's register id")]
[ActivityInput("deviceId", ActivityValueType.String, DescriptionSv = "Enhetens id i registret (dess aktiva abonnemang spärras)", DescriptionEn = "The device's register id (its active subscription is blocked)")]
public sealed class BlockSimActivity(IOperatorClient client, ISubscriptionRegister subscriptions) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subscription = await FindAsync(context, ct);
        if (subscription is null)
            return ActivityInputs.Outputs().Noted($"Operator: device {context.OptionalGuid("deviceId")} has no active subscription; nothing to block.");
        return await SubscriptionChange.ApplyAsync(subscription, "block the SIM of", context,
            // The models block for lost and for unreturned devices alike: to the operator both are lost.
            operatorId => client.BlockSimAsync(operatorId, SimBlockReason.Lost, context.IdempotencyKey, ct),
            key => subscriptions.SetStatusAsync(subscription, RegisterStatus.Blocked, key, ct));
    }

    private async Task<SubscriptionView?> FindAsync(ActivityContext context, CancellationToken ct)
    {
        if (context.OptionalGuid("subscriptionId") is not null) return await subscriptions.RequireAsync(context, ct);
        var deviceId = context.OptionalGuid("deviceId")
            ?? throw new InvalidOperationException($"Step '{context.ElementId}' needs the input 'subscriptionId' or 'deviceId'.");
        var linked = await subscriptions.ActiveOfAsync(null, deviceId, ct);
        return linked is { Status: RegisterStatus.Active } ? linked : null;
    }
}
