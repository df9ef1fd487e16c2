using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Devices;

internal sealed class DeviceDetailsService(RegisterTransactions transactions) : IDeviceDetails
{
    private const int MaxHistory = 500;
    private const int MaxInstances = 50;
    // A workflow step's operation key starts with its instance id ("N" format) and a colon; see ActivityContext.
    private const int InstanceIdLength = 32;

    public Task<DeviceDetails> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
        {
            var scope = await RegisterAccess.ScopeAsync(db, user, ct);
            var record = await DeviceRegister.Visible(db.Devices.AsNoTracking(), scope).FirstOrDefaultAsync(d => d.Id == id, ct)
                         ?? throw DeviceRegister.NotFound(id);
            var device = DeviceView.From(record) with { Assignments = await Assignments.HistoryAsync(db, AssignmentKind.Device, id, ct) };
            var employeeIds = device.Assignments.Select(a => a.EmployeeId).Append(record.AssignedToEmployeeId).OfType<string>().Distinct().ToList();
            var people = await db.People.AsNoTracking().Where(p => employeeIds.Contains(p.EmployeeId))
                .ToDictionaryAsync(p => p.EmployeeId, p => p.Name, ct);
            var unitName = record.UnitId is null ? null
                : await db.Units.AsNoTracking().Where(u => u.Id == record.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            var subscriptions = (await db.Subscriptions.AsNoTracking().Where(s => s.DeviceId == id).ToListAsync(ct))
                .OrderBy(s => s.Msisdn, StringComparer.Ordinal).Select(SubscriptionView.From).ToList();
            var extensions = (await db.Extensions.AsNoTracking().Where(x => x.DeviceId == id).ToListAsync(ct))
                .OrderBy(x => x.Number, StringComparer.Ordinal).Select(ExtensionView.From).ToList();
            var history = await RegisterAuditSource.QueryAsync(db, DeviceRegister.Entity, id.ToString(), user, MaxHistory, ct);
            return new DeviceDetails(device, unitName, people, subscriptions, extensions, history,
                await InstancesAsync(db, id, ct), DeviceLifecycle.AllowedFrom(record.Status));
        }, ct);

    /// <summary>Workflow steps store their result under their operation key; those naming the device tell which instances touched it.</summary>
    private static async Task<IReadOnlyList<Guid>> InstancesAsync(RegisterDbContext db, Guid id, CancellationToken ct)
    {
        var needle = id.ToString();
        var keys = await db.Operations.AsNoTracking().Where(o => o.ResultJson.Contains(needle))
            .OrderByDescending(o => o.At).Select(o => o.Key).Take(MaxInstances * 10).ToListAsync(ct);
        return keys.Where(k => k.Length > InstanceIdLength && k[InstanceIdLength] == ':')
            .Select(k => Guid.TryParseExact(k[..InstanceIdLength], "N", out var instance) ? instance : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().Take(MaxInstances).ToList();
    }
}
