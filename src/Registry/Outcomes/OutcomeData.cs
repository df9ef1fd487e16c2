using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Outcomes;

internal sealed class OutcomeData(RegisterTransactions transactions) : IOutcomeData
{
    public Task<OutcomeFacts> ReadAsync(RegisterUser user, OutcomeQuery query, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
        {
            var (scopeUnits, units, unitIds, people) = await OutcomeScope.ReadAsync(db, user, query.UnitId, ct);
            var employeeIds = people.Select(p => p.EmployeeId).ToHashSet(StringComparer.Ordinal);
            return new OutcomeFacts(scopeUnits, units, people,
                await DeviceChangesAsync(db, unitIds, query, ct),
                await HandOutsAsync(db, employeeIds, query.From, ct),
                await OrdersAsync(db, employeeIds, query, ct),
                await HeldByLeaversAsync(db, people.Where(p => p.Leaving).Select(p => p.EmployeeId).ToList(), ct));
        }, ct);

    public Task<CostFacts> ReadCostsAsync(RegisterUser user, OutcomeQuery query, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
        {
            // Finance reads the whole region's costs (and only costs): the cost figures are sums per unit and payer.
            var (scopeUnits, units, unitIds, people) = await OutcomeScope.ReadAsync(db, user, query.UnitId, ct,
                wholeRegister: user.IsIn(RegisterRoles.Finance));
            var employeeIds = people.Select(p => p.EmployeeId).ToHashSet(StringComparer.Ordinal);
            var orders = (await db.DeviceOrders.AsNoTracking()
                    .Where(o => o.Status == DeviceOrderStatus.Delivered && o.ClosedAt >= query.From && o.ClosedAt < query.To).ToListAsync(ct))
                .Where(o => employeeIds.Contains(o.EmployeeId)).ToList();
            var deviceIds = orders.Where(o => o.DeviceId is not null).Select(o => o.DeviceId!.Value).ToList();
            var bought = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            var purchases = orders.Select(o =>
            {
                var device = o.DeviceId is { } id ? bought.GetValueOrDefault(id) : null;
                return new PurchaseFact(o.Id, o.EmployeeId, o.Payer, o.CostCenter, o.ClosedAt!.Value, device?.Type, device?.PriceSek);
            }).ToList();
            var subscriptions = (await db.Subscriptions.AsNoTracking()
                    .Where(s => s.EmployeeId != null && s.Status != SubscriptionStatus.Terminated).ToListAsync(ct))
                .Where(s => employeeIds.Contains(s.EmployeeId!))
                .Select(s => new SubscriptionFact(s.Id, s.Usage, s.EmployeeId, s.CreatedAt)).ToList();
            var loans = (await db.Assignments.AsNoTracking()
                    .Where(a => a.Kind == AssignmentKind.Device && a.Loan && a.From >= query.From && a.From < query.To).ToListAsync(ct))
                .Where(a => employeeIds.Contains(a.EmployeeId))
                .Select(a => new LoanFact(a.ItemId, a.EmployeeId, a.From, a.To)).ToList();
            var fleet = db.Devices.AsNoTracking().Where(d => d.Status != DeviceStatus.Retired && d.Status != DeviceStatus.Lost);
            if (unitIds is not null)
            {
                var ids = unitIds.ToList();
                var holders = employeeIds.ToList();
                fleet = fleet.Where(d => (d.UnitId != null && ids.Contains(d.UnitId))
                                         || (d.AssignedToEmployeeId != null && holders.Contains(d.AssignedToEmployeeId)));
            }
            var devices = await fleet.Select(d => new FleetDevice(d.Id, d.Type, d.PriceSek)).ToListAsync(ct);
            return new CostFacts(scopeUnits, units, people, purchases, subscriptions, loans, devices);
        }, ct);

    private static async Task<IReadOnlyList<DeviceChangeFact>> DeviceChangesAsync(RegisterDbContext db, HashSet<string>? unitIds,
        OutcomeQuery query, CancellationToken ct)
    {
        var rows = db.Audit.AsNoTracking().Where(a => a.Entity == DeviceRegister.Entity && a.Before != null && a.After != null
                                                      && a.At >= query.From && a.At < query.To);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            rows = rows.Where(a => a.UnitId != null && ids.Contains(a.UnitId));
        }
        var changes = new List<DeviceChangeFact>();
        foreach (var row in await rows.OrderBy(a => a.Id).ToListAsync(ct))
        {
            var before = JsonNode.Parse(row.Before!);
            var after = JsonNode.Parse(row.After!);
            var from = Enum.Parse<DeviceStatus>(before!["status"]!.GetValue<string>());
            var to = Enum.Parse<DeviceStatus>(after!["status"]!.GetValue<string>());
            if (from == to) continue;
            var lockAfter = Enum.TryParse<ActivationLock>(after["activationLock"]?.GetValue<string>(), out var l) ? l : ActivationLock.Unknown;
            changes.Add(new DeviceChangeFact(Guid.Parse(row.EntityId), row.At, from, to,
                before["assignedToEmployeeId"]?.GetValue<string>(), lockAfter, row.UnitId));
        }
        return changes;
    }

    private static async Task<IReadOnlyList<DeviceHandOut>> HandOutsAsync(RegisterDbContext db, HashSet<string> employeeIds,
        DateTimeOffset from, CancellationToken ct)
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.Kind == AssignmentKind.Device && a.From >= from).ToListAsync(ct);
        return rows.Where(a => employeeIds.Contains(a.EmployeeId))
            .Select(a => new DeviceHandOut(a.ItemId, a.EmployeeId, a.From, a.Loan)).ToList();
    }

    private static async Task<IReadOnlyList<OrderFact>> OrdersAsync(RegisterDbContext db, HashSet<string> employeeIds,
        OutcomeQuery query, CancellationToken ct)
    {
        var rows = await db.DeviceOrders.AsNoTracking().Where(o => o.OpenedAt >= query.From && o.OpenedAt < query.To).ToListAsync(ct);
        return rows.Where(o => employeeIds.Contains(o.EmployeeId))
            .Select(o => new OrderFact(o.Id, o.EmployeeId, o.Status, o.OpenedAt, o.ClosedAt)).ToList();
    }

    private static async Task<IReadOnlyList<HeldByLeaver>> HeldByLeaversAsync(RegisterDbContext db, List<string> leavers, CancellationToken ct)
    {
        if (leavers.Count == 0) return [];
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.AssignedToEmployeeId != null && leavers.Contains(d.AssignedToEmployeeId)).ToListAsync(ct);
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.EmployeeId != null && leavers.Contains(s.EmployeeId) && s.Status != SubscriptionStatus.Terminated).ToListAsync(ct);
        var extensions = await db.Extensions.AsNoTracking()
            .Where(x => x.EmployeeId != null && leavers.Contains(x.EmployeeId) && x.Status == ExtensionStatus.Active).ToListAsync(ct);
        return
        [
            .. devices.Select(d => new HeldByLeaver(AssignmentKind.Device, d.Id, $"{d.Model} {d.Imei ?? d.Serial}", d.AssignedToEmployeeId!)),
            .. subscriptions.Select(s => new HeldByLeaver(AssignmentKind.Subscription, s.Id, s.Msisdn, s.EmployeeId!, s.DeviceId)),
            .. extensions.Select(x => new HeldByLeaver(AssignmentKind.Extension, x.Id, x.Number, x.EmployeeId!, x.DeviceId)),
        ];
    }
}
