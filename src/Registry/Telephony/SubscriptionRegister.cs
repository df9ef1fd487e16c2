using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

internal sealed class SubscriptionRegister(RegisterTransactions transactions) : ISubscriptionRegister
{
    public const string Entity = "Subscription";

    private readonly HeldItems<SubscriptionRecord, SubscriptionView> items = new(transactions, Entity, AssignmentKind.Subscription,
        db => db.Subscriptions, SubscriptionView.From, "Abonnemanget {0} finns inte.");

    public Task<IReadOnlyList<SubscriptionView>> ListAsync(RegisterUser user, SubscriptionStatus? status, string? text,
        CancellationToken ct = default) =>
        items.ListAsync(user, query =>
        {
            if (status is { } s) query = query.Where(x => x.Status == s);
            if (!string.IsNullOrWhiteSpace(text))
            {
                var number = SwedishMsisdn.Normalise(text) ?? text.Trim();
                query = query.Where(x => x.Msisdn == number || x.EmployeeId == number || x.Operator.Contains(number));
            }
            return query.OrderBy(x => x.Msisdn);
        }, ct);

    public Task<SubscriptionView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default) => items.GetAsync(user, id, ct);

    public Task<SubscriptionView> CreateAsync(RegisterUser user, NewSubscription subscription, string? operationKey = null,
        CancellationToken ct = default) =>
        items.CreateAsync(user, "Subscription.Create", operationKey, change => NewRecordAsync(change, subscription, ct), ct);

    public Task<SubscriptionView> SetStatusAsync(RegisterUser user, Guid id, SubscriptionStatus status, string? operationKey = null,
        CancellationToken ct = default) =>
        items.ChangeAsync(user, "Subscription.SetStatus", operationKey, id, "Status", (_, record) =>
        {
            TelephonyLifecycles.Subscription.Ensure(record.Status, status);
            record.Status = status;
            if (status == SubscriptionStatus.Terminated)
            {
                record.EmployeeId = null;
                record.DeviceId = null;
            }
            return Task.CompletedTask;
        }, ct);

    public Task<SubscriptionView> TransferAsync(RegisterUser user, Guid id, Holder holder, string? operationKey = null,
        CancellationToken ct = default) =>
        items.TransferAsync(user, "Subscription.Transfer", operationKey, id, holder, ct);

    public async Task<SubscriptionView?> ActiveOfAsync(string? employeeId, Guid? deviceId, CancellationToken ct = default)
    {
        var found = await items.OfHolderAsync(query => query
            .Where(s => s.Status != SubscriptionStatus.Terminated
                        && ((employeeId != null && s.EmployeeId == employeeId) || (deviceId != null && s.DeviceId == deviceId)))
            .OrderByDescending(s => s.UpdatedAt), ct);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Checks a new subscription and makes its row; the import creates them the same way.</summary>
    internal static async Task<SubscriptionRecord> NewRecordAsync(RegisterChange change, NewSubscription subscription, CancellationToken ct)
    {
        var msisdn = SwedishMsisdn.Normalise(subscription.Msisdn)
            ?? throw new RegisterValidationException("msisdn", $"{subscription.Msisdn} är inte ett giltigt svenskt mobilnummer.");
        if (string.IsNullOrWhiteSpace(subscription.Operator))
            throw new RegisterValidationException("operator", "Operatör saknas.");
        if (await change.Db.Subscriptions.AnyAsync(s => s.Msisdn == msisdn && s.Status != SubscriptionStatus.Terminated, ct))
            throw new RegisterConflictException($"Numret {msisdn} har redan ett abonnemang som inte är avslutat.");
        await Holders.ValidateAsync(change.Db, new Holder(subscription.EmployeeId, subscription.DeviceId), ct);
        return new SubscriptionRecord
        {
            Id = Guid.CreateVersion7(change.Now),
            Msisdn = msisdn,
            Operator = subscription.Operator.Trim(),
            OperatorSubscriptionId = subscription.OperatorSubscriptionId,
            Sim = subscription.Sim,
            Usage = subscription.Usage,
            Status = subscription.Status,
            EmployeeId = subscription.EmployeeId,
            DeviceId = subscription.DeviceId,
            CreatedAt = change.Now,
            UpdatedAt = change.Now,
        };
    }
}
