using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>
/// Saves checked device rows: the device (key IMEI, else serial), its subscription and extension, and the
/// assignment to the employee. Every check that needs the database is made before the row changes anything,
/// so a refused row leaves no trace; importing the same file again finds every row unchanged.
/// </summary>
internal static class DeviceImporter
{
    private const string Switchboard = "RJH";

    /// <returns>Whether the row created a device, changed one, or changed nothing.</returns>
    /// <exception cref="RowRefusedException">An unknown employee or unit, or a number already held by another device.</exception>
    public static async Task<ImportOutcome> SaveAsync(RegisterChange change, DeviceImportRow row, CancellationToken ct)
    {
        var db = change.Db;
        if (row.EmployeeId is { } employeeId && !await db.People.AnyAsync(p => p.EmployeeId == employeeId, ct))
            throw new RowRefusedException("employeeId", $"employeeId: det finns ingen person med anställningsnummer {employeeId}.");
        if (row.Device.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            throw new RowRefusedException("unitId", $"unitId: det finns ingen enhet med id {unitId}.");
        var device = await DeviceRecords.FindAsync(db, row.Device.Imei, row.Device.Serial, ct);
        var subscription = row.Msisdn is null ? null
            : await db.Subscriptions.FirstOrDefaultAsync(s => s.Msisdn == row.Msisdn && s.Status != SubscriptionStatus.Terminated, ct);
        if (subscription?.DeviceId is { } holder && holder != device?.Id)
            throw new RowRefusedException("msisdn", $"msisdn: numret {row.Msisdn} hör redan till en annan mobilenhet.");
        var extension = row.Extension is null ? null
            : await db.Extensions.FirstOrDefaultAsync(x => x.Number == row.Extension && x.Switchboard == Switchboard && x.Status == ExtensionStatus.Active, ct);
        if (extension?.DeviceId is { } other && other != device?.Id)
            throw new RowRefusedException("extension", $"extension: anknytning {row.Extension} hör redan till en annan mobilenhet.");
        if (device is not null && row.Device.Imei is not null && row.Device.Serial is not null && device.Serial != row.Device.Serial
            && await db.Devices.AnyAsync(d => d.Serial == row.Device.Serial && d.Id != device.Id, ct))
            throw new RowRefusedException("serial", $"serial: serienumret {row.Device.Serial} hör redan till en annan mobilenhet.");

        var changed = device is null;
        device ??= await DeviceRecords.CreateAsync(change, row.Device, ct);
        var before = changed ? null : DeviceView.From(device);
        changed |= await ApplyDeviceAsync(change, device, row, ct);
        if (changed)
            change.Audit(DeviceRegister.Entity, device.Id.ToString(), before is null ? "Imported" : "ImportUpdated", before,
                DeviceView.From(device), device.UnitId);
        changed |= await LinkSubscriptionAsync(change, subscription, device, row, ct);
        changed |= await LinkExtensionAsync(change, extension, device, row, ct);
        await db.SaveChangesAsync(ct);
        return before is null ? ImportOutcome.Created : changed ? ImportOutcome.Updated : ImportOutcome.Unchanged;
    }

    private static async Task<bool> ApplyDeviceAsync(RegisterChange change, DeviceRecord device, DeviceImportRow row, CancellationToken ct)
    {
        var before = DeviceView.From(device);
        device.Serial = row.Device.Serial ?? device.Serial;
        device.Model = row.Device.Model;
        device.Type = row.Device.Type;
        device.PurchaseDate = row.Device.PurchaseDate ?? device.PurchaseDate;
        device.PriceSek = row.Device.PriceSek ?? device.PriceSek;
        device.UnitId = row.Device.UnitId ?? device.UnitId;
        // A phone in use goes to its holder as Assigned; an import does not walk the lifecycle, it records what is.
        if (row.EmployeeId is not null && device.AssignedToEmployeeId != row.EmployeeId)
        {
            device.Status = DeviceStatus.Assigned;
            device.StatusReason = "Importerad";
            device.AssignedToEmployeeId = row.EmployeeId;
            await Assignments.OpenAsync(change, AssignmentKind.Device, device.Id, row.EmployeeId, loan: false, ct);
        }
        if (DeviceView.From(device) with { UpdatedAt = default } == before with { UpdatedAt = default }) return false;
        device.UpdatedAt = change.Now;
        return true;
    }

    private static async Task<bool> LinkSubscriptionAsync(RegisterChange change, SubscriptionRecord? subscription, DeviceRecord device,
        DeviceImportRow row, CancellationToken ct)
    {
        if (row.Msisdn is null) return false;
        if (subscription is null)
        {
            subscription = await SubscriptionRegister.NewRecordAsync(change,
                new NewSubscription(row.Msisdn, row.Operator, Status: SubscriptionStatus.Active), ct);
            change.Db.Subscriptions.Add(subscription);
        }
        else if (subscription.DeviceId == device.Id && subscription.EmployeeId == (row.EmployeeId ?? subscription.EmployeeId))
        {
            return false;
        }
        return await LinkAsync(change, subscription, SubscriptionRegister.Entity, AssignmentKind.Subscription, device, row,
            SubscriptionView.From, ct);
    }

    private static async Task<bool> LinkExtensionAsync(RegisterChange change, ExtensionRecord? extension, DeviceRecord device,
        DeviceImportRow row, CancellationToken ct)
    {
        if (row.Extension is null) return false;
        if (extension is null)
        {
            extension = await ExtensionRegister.NewRecordAsync(change, new NewExtension(row.Extension, Switchboard), ct);
            change.Db.Extensions.Add(extension);
        }
        else if (extension.DeviceId == device.Id && extension.EmployeeId == (row.EmployeeId ?? extension.EmployeeId))
        {
            return false;
        }
        return await LinkAsync(change, extension, ExtensionRegister.Entity, AssignmentKind.Extension, device, row, ExtensionView.From, ct);
    }

    private static async Task<bool> LinkAsync<TRecord, TView>(RegisterChange change, TRecord record, string entity, AssignmentKind kind,
        DeviceRecord device, DeviceImportRow row, Func<TRecord, TView> view, CancellationToken ct)
        where TRecord : IHeldRecord
    {
        var isNew = change.Db.Entry((object)record).State == EntityState.Added;
        var before = isNew ? default : view(record);
        var holderBefore = isNew ? null : record.EmployeeId;
        record.DeviceId = device.Id;
        record.EmployeeId = row.EmployeeId ?? record.EmployeeId;
        record.UpdatedAt = change.Now;
        await Holders.MoveAsync(change, kind, record.Id, holderBefore, record.EmployeeId, ct);
        change.Audit(entity, record.Id.ToString(), isNew ? "Imported" : "ImportUpdated", before, view(record), device.UnitId);
        return true;
    }
}
