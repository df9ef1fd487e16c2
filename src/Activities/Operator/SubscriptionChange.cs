using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;
using RegisterStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Activities.Operator;

/// <summary>
/// A change of a subscription the register knows (activate, block, terminate, transfer): the operator's id from
/// the register record, the operator call, then the register's own change under a key derived from the job's.
/// </summary>
internal static class SubscriptionChange
{
    /// <param name="action">Verb for messages and the journal, e.g. "terminate".</param>
    /// <param name="send">The operator call, given the operator's subscription id.</param>
    /// <param name="record">The register's change, given its operation key (derived from the job's idempotency key).</param>
    public static async Task<ActivityResult> ApplyAsync(SubscriptionView subscription, string action, ActivityContext context,
        Func<string, Task<Subscription>> send, Func<string, Task> record)
    {
        var what = $"{action} subscription {subscription.Id}";
        var operatorId = subscription.OperatorSubscriptionId ?? throw ExternalCall.Unknown(AdapterSystems.Operator, what);
        var after = await ExternalCall.RunAsync(what, () => send(operatorId));
        await record(context.RegisterKey("record"));
        return ActivityInputs.Outputs().Noted($"Operator: {what} (operator subscription {operatorId}): {after.Status}.");
    }

    /// <summary>
    /// Moves the register record to <paramref name="status"/> unless it is there already (blocked earlier by hand,
    /// say): the register refuses a move to the same status, and the operator has been told either way.
    /// </summary>
    public static async Task SetStatusAsync(this ISubscriptionRegister subscriptions, SubscriptionView subscription,
        RegisterStatus status, string operationKey, CancellationToken ct)
    {
        if (subscription.Status != status)
            await subscriptions.SetStatusAsync(RegisterUser.System, subscription.Id, status, operationKey, ct);
    }

    public static Task<SubscriptionView> RequireAsync(this ISubscriptionRegister subscriptions, ActivityContext context, CancellationToken ct) =>
        subscriptions.GetAsync(RegisterUser.System, context.RequiredGuid("subscriptionId"), ct);
}
