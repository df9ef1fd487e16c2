namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

/// <summary>
/// The mobile operator (contract: docs/operator-api.yaml). Every change takes the job's idempotency key: a repeat
/// with the same key returns the first result and changes nothing. Refusals throw
/// <see cref="AdapterRejectedException"/> (e.g. <see cref="AdapterErrorCodes.SubscriptionTerminated"/>), outages
/// <see cref="AdapterUnavailableException"/>. Every call returns the subscription as it is afterwards.
/// </summary>
public interface IOperatorClient
{
    /// <summary>A new subscription with its number and SIM (or eSIM profile), not yet active.</summary>
    Task<Subscription> OrderSubscriptionAsync(SubscriptionOrder order, string idempotencyKey, CancellationToken ct = default);

    Task<Subscription> ActivateSimAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Blocks the SIM at once (lost or stolen device); the subscription and number stay.</summary>
    Task<Subscription> BlockSimAsync(string subscriptionId, SimBlockReason reason, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Ends the subscription and releases the number. Final.</summary>
    Task<Subscription> TerminateSubscriptionAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Hands the subscription and its number to another holder (a successor, or back to the unit).</summary>
    Task<Subscription> TransferSubscriptionAsync(string subscriptionId, SubscriptionHolder newHolder, string idempotencyKey, CancellationToken ct = default);

    /// <summary>The subscription, or null when the operator does not know it.</summary>
    Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken ct = default);
}
