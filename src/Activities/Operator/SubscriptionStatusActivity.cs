using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>An operator call on the subscription given as input, after which the register records one status.</summary>
public abstract class SubscriptionStatusActivity(IOperatorClient client, ISubscriptionRegister subscriptions) : IActivity
{
    /// <summary>Verb for messages and the journal, e.g. "terminate".</summary>
    protected abstract string Action { get; }

    protected abstract RegisterStatus Status { get; }

    protected abstract Task<Subscription> SendAsync(IOperatorClient operatorClient, string operatorId, string idempotencyKey, CancellationToken ct);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subscription = await subscriptions.RequireAsync(context, ct);
        return await SubscriptionChange.ApplyAsync(subscription, Action, context,
            operatorId => SendAsync(client, operatorId, context.IdempotencyKey, ct),
            key => subscriptions.SetStatusAsync(subscription, Status, key, ct));
    }
}
