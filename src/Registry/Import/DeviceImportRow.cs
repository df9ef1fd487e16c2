using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>One checked row of the device import (columns imei, serial, model, type, msisdn, operator, extension, employeeId, unitId, purchaseDate, priceSek).</summary>
internal sealed record DeviceImportRow(int Row, NewDevice Device, string? Msisdn, string Operator, string? Extension, string? EmployeeId)
{
    public static readonly string[] Columns =
        ["imei", "serial", "model", "type", "msisdn", "operator", "extension", "employeeId", "unitId", "purchaseDate", "priceSek"];

    public static readonly string[] RequiredColumns = ["imei", "serial", "model", "type"];

    /// <exception cref="RowRefusedException">The first cell that fails a check.</exception>
    public static DeviceImportRow Parse(CsvRow row)
    {
        var imei = row["imei"];
        var serial = row["serial"];
        if (imei is null && serial is null) throw new RowRefusedException("imei", "imei: ange IMEI eller serienummer.");
        if (imei is not null && !Imei.IsValid(imei))
            throw new RowRefusedException("imei", $"imei: '{imei}' är inte 15 siffror med giltig kontrollsiffra (Luhn).");
        var model = CsvCells.Required(row, "model");
        var type = CsvCells.Enum<DeviceType>(row, "type");
        string? msisdn = null;
        if (row["msisdn"] is { } number)
            msisdn = SwedishMsisdn.Normalise(number)
                ?? throw new RowRefusedException("msisdn", $"msisdn: '{number}' är inte ett giltigt svenskt mobilnummer.");
        var extension = row["extension"];
        if (extension is not null && (!extension.All(char.IsAsciiDigit) || extension.Length > 12))
            throw new RowRefusedException("extension", $"extension: '{extension}' är inte en anknytning (1–12 siffror).");
        var purchased = CsvCells.Date(row, "purchaseDate");
        var price = CsvCells.Amount(row, "priceSek");
        var device = new NewDevice(imei, serial, model, type, Ownership.Bought, purchased, price, row["unitId"]);
        return new DeviceImportRow(row.Row, device, msisdn, row["operator"] ?? "Okänd", extension, row["employeeId"]);
    }
}

/// <summary>
/// What the device import did: <c>{"saved","unchanged","refused":[{"row","column","reason"}],"rows":[{"row","outcome","key",...}]}</c>;
/// <see cref="Saved"/> counts created and updated rows.
/// </summary>
public sealed record DeviceImportResult(int Saved, int Unchanged, IReadOnlyList<ImportRefusal> Refused)
{
    /// <summary>Every row of the file in order, with what became of it.</summary>
    public IReadOnlyList<ImportRowResult> Rows { get; init; } = [];
}

public enum ImportOutcome { Created, Updated, Unchanged, Refused }

/// <param name="Key">The row's IMEI, else its serial number, as the file gave it.</param>
/// <param name="Column">For a refused row, the column that failed; <paramref name="Reason"/> says why.</param>
public sealed record ImportRowResult(int Row, ImportOutcome Outcome, string? Key, string? Column, string? Reason);
