using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Audit;

/// <summary>
/// The device register's audit trail. Admin and Servicecenter (who run the whole register) read all of it; a
/// manager the entries whose entity belonged to one of their units (or below) when it changed; everyone else nothing.
/// </summary>
internal sealed class RegisterAuditSource(RegisterTransactions transactions) : IAuditSource
{
    public IReadOnlyCollection<string> Entities { get; } =
        [DeviceRegister.Entity, SubscriptionRegister.Entity, ExtensionRegister.Entity, OrgUpserts.UnitEntity, OrgUpserts.PersonEntity,
         LoanPoolLevels.Entity, LoanPoolLevels.SiteEntity, DeviceOrders.Entity];

    public Task<IReadOnlyList<AuditEntryView>> ReadAsync(string entity, string? id, RegisterUser user, int max, CancellationToken ct = default) =>
        transactions.ReadAsync(db => QueryAsync(db, entity, id, user, max, ct), ct);

    internal static async Task<IReadOnlyList<AuditEntryView>> QueryAsync(RegisterDbContext db, string entity, string? id, RegisterUser user,
        int max, CancellationToken ct)
    {
        var entries = db.Audit.AsNoTracking().Where(a => a.Entity == entity);
        if (id is not null) entries = entries.Where(a => a.EntityId == id);
        if (!user.SeesWholeRegister)
        {
            if (!user.IsIn(RegisterRoles.Manager)) return [];
            var units = (await RegisterAccess.ScopeAsync(db, user, ct)).UnitIds.ToList();
            entries = entries.Where(a => a.UnitId != null && units.Contains(a.UnitId));
        }
        var rows = await entries.OrderByDescending(a => a.Id).Take(Math.Clamp(max, 1, 1000)).ToListAsync(ct);
        return rows.Select(a => new AuditEntryView(a.Id, a.Entity, a.EntityId, a.Action, a.Actor, a.At, a.Before, a.After)).ToList();
    }
}
