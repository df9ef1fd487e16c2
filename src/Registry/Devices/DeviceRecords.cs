using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>Checks and creates device rows; shared by the API, the workflows and the CSV import.</summary>
internal static class DeviceRecords
{
    // A device arrives in stock, bought for someone (Reserved) or already enrolled by its supplier; never further on.
    private static readonly DeviceStatus[] InitialStatuses = [DeviceStatus.InStock, DeviceStatus.Reserved, DeviceStatus.Enrolled];

    public static async Task<DeviceRecord> CreateAsync(RegisterChange change, NewDevice device, CancellationToken ct)
    {
        var (imei, serial) = Validate(device);
        await EnsureUniqueAsync(change.Db, imei, serial, ct);
        await People.RequireUnitAsync(change.Db, device.UnitId, "unitId", ct);
        var record = new DeviceRecord
        {
            Id = Guid.CreateVersion7(change.Now),
            Imei = imei,
            Serial = serial,
            Model = device.Model.Trim(),
            Type = device.Type,
            Ownership = device.Ownership,
            PurchaseDate = device.PurchaseDate,
            PriceSek = device.PriceSek,
            Status = device.Status,
            MdmState = device.Status == DeviceStatus.Enrolled ? MdmState.Enrolled : MdmState.NotEnrolled,
            UnitId = device.UnitId,
            CreatedAt = change.Now,
            UpdatedAt = change.Now,
        };
        change.Db.Devices.Add(record);
        return record;
    }

    /// <summary>IMEI (Luhn) and/or serial, a model, a sensible price.</summary>
    public static (string? Imei, string? Serial) Validate(NewDevice device)
    {
        var imei = Blank(device.Imei);
        var serial = Blank(device.Serial);
        if (imei is null && serial is null)
            throw new RegisterValidationException("imei", "Ange IMEI eller serienummer.");
        if (imei is not null && !Imei.IsValid(imei))
            throw new RegisterValidationException("imei", $"IMEI {imei} är inte 15 siffror med giltig kontrollsiffra (Luhn).");
        if (string.IsNullOrWhiteSpace(device.Model))
            throw new RegisterValidationException("model", "Modell saknas.");
        if (device.PriceSek is < 0)
            throw new RegisterValidationException("priceSek", "Priset kan inte vara negativt.");
        if (!InitialStatuses.Contains(device.Status))
            throw new RegisterValidationException("status", $"En ny mobilenhet börjar som {string.Join(", ", InitialStatuses)}.");
        if (!Enum.IsDefined(device.Type))
            throw new RegisterValidationException("type", "Okänd typ; ange Phone eller Tablet.");
        return (imei, serial);
    }

    /// <summary>The device with this IMEI, else this serial: the import's key.</summary>
    public static Task<DeviceRecord?> FindAsync(RegisterDbContext db, string? imei, string? serial, CancellationToken ct) =>
        imei is not null
            ? db.Devices.FirstOrDefaultAsync(d => d.Imei == imei, ct)
            : db.Devices.FirstOrDefaultAsync(d => d.Serial == serial, ct);

    private static async Task EnsureUniqueAsync(RegisterDbContext db, string? imei, string? serial, CancellationToken ct)
    {
        if (imei is not null && await db.Devices.AnyAsync(d => d.Imei == imei, ct))
            throw new RegisterConflictException($"En mobilenhet med IMEI {imei} finns redan.");
        if (serial is not null && await db.Devices.AnyAsync(d => d.Serial == serial, ct))
            throw new RegisterConflictException($"En mobilenhet med serienummer {serial} finns redan.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
