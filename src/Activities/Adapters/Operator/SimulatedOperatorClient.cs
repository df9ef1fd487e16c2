using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

/// <summary>
/// An operator in memory, the embedded default: numbers from the range Swedish regulator PTS keeps for fiction
/// (070-174 06 05 upwards), made-up ICCIDs, and the same refusals as docs/operator-api.yaml.
/// </summary>
public sealed class SimulatedOperatorClient : IOperatorClient
{
    private readonly SimulatorCore _core;
    private readonly SimulatedRecords<Subscription> _subscriptions;
    private int _issued;

    public SimulatedOperatorClient(IOptions<OperatorOptions> options, TimeProvider time)
    {
        _core = new SimulatorCore(AdapterSystems.Operator, options.Value.Simulator, time);
        _subscriptions = new SimulatedRecords<Subscription>(_core, "subscription", s => s.Id, s => s.Status == SubscriptionStatus.Terminated
            ? _core.Refuse(AdapterErrorCodes.SubscriptionTerminated, "The subscription has been terminated.")
            : null);
    }

    /// <summary>Puts an active subscription into the simulator (tests and demos).</summary>
    public Subscription SeedSubscription(SubscriptionOrder order) =>
        _core.Seed(() => _subscriptions.Store(Create(order) with { Status = SubscriptionStatus.Active }));

    /// <summary>
    /// Puts a subscription into the simulator with the id and number it has elsewhere (the register), so a restored
    /// simulator answers for the same ids. The SIM is made up, as for every simulated subscription.
    /// </summary>
    public Subscription SeedSubscription(string id, string msisdn, SubscriptionOrder order, SubscriptionStatus status = SubscriptionStatus.Active) =>
        _core.Seed(() => _subscriptions.Store(Create(order) with { Id = id, Msisdn = msisdn, Status = status }));

    public Task<Subscription> OrderSubscriptionAsync(SubscriptionOrder order, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(order.Holder.EmployeeId) || string.IsNullOrWhiteSpace(order.Holder.Name))
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, "An order needs the holder's employee id and name.");
        return _core.MutateAsync("order", idempotencyKey, () => _subscriptions.Store(Create(order)), ct);
    }

    public Task<Subscription> ActivateSimAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default) =>
        _subscriptions.ChangeAsync(subscriptionId, "activate", idempotencyKey, s => s.Status == SubscriptionStatus.Blocked
            ? throw _core.Refuse(AdapterErrorCodes.SimBlocked, "A blocked SIM cannot be activated again; order a new SIM.")
            : s with { Status = SubscriptionStatus.Active }, ct);

    public Task<Subscription> BlockSimAsync(string subscriptionId, SimBlockReason reason, string idempotencyKey, CancellationToken ct = default) =>
        _subscriptions.ChangeAsync(subscriptionId, "block", idempotencyKey, s => s with { Status = SubscriptionStatus.Blocked }, ct);

    public Task<Subscription> TerminateSubscriptionAsync(string subscriptionId, string idempotencyKey, CancellationToken ct = default) =>
        _subscriptions.ChangeAsync(subscriptionId, "terminate", idempotencyKey, s => s with { Status = SubscriptionStatus.Terminated }, ct);

    public Task<Subscription> TransferSubscriptionAsync(string subscriptionId, SubscriptionHolder newHolder, string idempotencyKey, CancellationToken ct = default) =>
        _subscriptions.ChangeAsync(subscriptionId, "transfer", idempotencyKey, s => s with { Holder = newHolder }, ct);

    public Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken ct = default) =>
        _subscriptions.GetAsync(subscriptionId, ct);

    // Called under the core's lock.
    private Subscription Create(SubscriptionOrder order)
    {
        var n = ++_issued;
        var iccid = $"894601{n:D13}";
        var activation = order.SimType == SimType.Esim ? $"LPA:1$smdp.operator-sim.example${Guid.NewGuid():N}" : null;
        return new Subscription($"sub-{n:D6}", order.Kind, $"+4670174{604 + n:D4}", SubscriptionStatus.Pending,
            new SimCard(iccid, order.SimType, activation), order.Holder);
    }

    }
