using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Orders;

internal sealed class DeviceOrders(RegisterTransactions transactions) : IDeviceOrders
{
    // Every change to an order reads it first: compiled once (tracked, for the change).
    private static readonly CompiledQuery<RegisterDbContext, Guid, DeviceOrderRecord?> OrderById =
        new((db, id, _) => db.DeviceOrders.FirstOrDefault(o => o.Id == id));

    public const string Entity = "DeviceOrder";

    private static readonly TransitionTable<DeviceOrderStatus> Lifecycle = new("En beställning", new Dictionary<DeviceOrderStatus, DeviceOrderStatus[]>
    {
        [DeviceOrderStatus.Open] = [DeviceOrderStatus.Delivered, DeviceOrderStatus.Rejected, DeviceOrderStatus.Withdrawn],
    });

    private static readonly string[] Reasons = ["New", "Replacement", "Loss"];

    public Task<DeviceOrderView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.ReadAsync(async db =>
            View(await db.DeviceOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw NotFound(id)), ct);
    }

    public Task<OrderOpening> OpenAsync(RegisterUser user, NewDeviceOrder order, string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        if (!Enum.IsDefined(order.DeviceType))
            throw new RegisterValidationException("deviceType", "Okänd typ; ange Phone, Tablet eller DataOnlyPhone.");
        if (!Reasons.Contains(order.Reason, StringComparer.Ordinal))
            throw new RegisterValidationException("reason", $"Okänt skäl; ange {string.Join(", ", Reasons)}.");
        return transactions.RunAsync("DeviceOrder.Open", operationKey, user, async change =>
        {
            var person = await People.RequireAsync(change.Db, order.EmployeeId, "employeeId", ct);
            var open = await change.Db.DeviceOrders.AsNoTracking()
                .FirstOrDefaultAsync(o => o.EmployeeId == person.EmployeeId && o.Status == DeviceOrderStatus.Open, ct);
            if (open is not null) return new OrderOpening(View(open), AlreadyOpen: true);
            var record = new DeviceOrderRecord
            {
                Id = Guid.CreateVersion7(change.Now), EmployeeId = person.EmployeeId, DeviceType = order.DeviceType, Reason = order.Reason,
                UnderRollout = order.UnderRollout, Payer = Blank(order.Payer), CostCenter = Blank(order.CostCenter),
                Status = DeviceOrderStatus.Open, OpenedAt = change.Now,
            };
            change.Db.DeviceOrders.Add(record);
            change.Audit(Entity, record.Id.ToString(), "Opened", null, View(record), person.UnitId);
            return new OrderOpening(View(record), AlreadyOpen: false);
        }, ct);
    }

    public Task<DeviceOrderView> CloseAsync(RegisterUser user, Guid id, DeviceOrderStatus outcome, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "DeviceOrder.Close", operationKey, id, outcome.ToString(), (order, now) =>
        {
            Lifecycle.Ensure(order.Status, outcome);
            (order.Status, order.ClosedAt) = (outcome, now);
        }, ct);

    public Task<DeviceOrderView> AttachDeviceAsync(RegisterUser user, Guid id, Guid deviceId, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "DeviceOrder.AttachDevice", operationKey, id, "DeviceAttached", (order, _) =>
        {
            if (order.Status != DeviceOrderStatus.Open)
                throw new RegisterConflictException($"Beställningen {id} är avslutad ({order.Status}).");
            order.DeviceId = deviceId;
        }, ct);

    public Task<IReadOnlySet<string>> WithOpenOrderAsync(IEnumerable<string> employeeIds, CancellationToken ct = default)
    {
        var ids = employeeIds.Distinct(StringComparer.Ordinal).ToList();
        return transactions.ReadAsync<IReadOnlySet<string>>(async db =>
            (await db.DeviceOrders.AsNoTracking().Where(o => o.Status == DeviceOrderStatus.Open && ids.Contains(o.EmployeeId))
                .Select(o => o.EmployeeId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal), ct);
    }

    /// <summary>Loads an order for a change by a register writer, applies it and audits before and after.</summary>
    private Task<DeviceOrderView> ChangeAsync(RegisterUser user, string operation, string? operationKey, Guid id, string action,
        Action<DeviceOrderRecord, DateTimeOffset> apply, CancellationToken ct)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync(operation, operationKey, user, async change =>
        {
            var order = await OrderById.RunAsync(change.Db, id, ct) ?? throw NotFound(id);
            var before = View(order);
            apply(order, change.Now);
            change.Audit(Entity, id.ToString(), action, before, View(order), await People.UnitOfAsync(change.Db, order.EmployeeId, ct));
            return View(order);
        }, ct);
    }

    private static DeviceOrderView View(DeviceOrderRecord o) => new(o.Id, o.EmployeeId, o.DeviceType, o.Reason, o.UnderRollout, o.Payer,
        o.CostCenter, o.Status, o.DeviceId, o.OpenedAt, o.ClosedAt);

    private static RegisterNotFoundException NotFound(Guid id) => new($"Beställningen {id} finns inte.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
