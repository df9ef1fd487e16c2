using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Registry.Import;

internal sealed class RegisterImports(RegisterTransactions transactions, IOrgRegister org, IOptions<RegisterOptions> options) : IRegisterImports
{
    public Task<DeviceImportResult> ImportDevicesAsync(RegisterUser user, string csv, string? operationKey = null, CancellationToken ct = default)
    {
        var rows = ReadDeviceRows(user, csv);
        return transactions.RunAsync("Devices.Import", operationKey, user, change => ImportRowsAsync(change, rows, ct), ct);
    }

    public Task<DeviceImportResult> PreviewDevicesAsync(RegisterUser user, string csv, CancellationToken ct = default)
    {
        var rows = ReadDeviceRows(user, csv);
        return transactions.DryRunAsync(user, change => ImportRowsAsync(change, rows, ct), ct);
    }

    private IReadOnlyList<CsvRow> ReadDeviceRows(RegisterUser user, string csv)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return CsvTable.Read(csv, DeviceImportRow.RequiredColumns, options.Value.MaxImportRows);
    }

    /// <summary>Row by row, each saved before the next is checked, so a file that repeats a device finds it the second time.</summary>
    private static async Task<DeviceImportResult> ImportRowsAsync(RegisterChange change, IReadOnlyList<CsvRow> rows, CancellationToken ct)
    {
        var results = new List<ImportRowResult>(rows.Count);
        var refused = new List<ImportRefusal>();
        foreach (var row in rows)
        {
            var key = row["imei"] ?? row["serial"];
            ImportRefusal? refusal = null;
            try
            {
                var outcome = await DeviceImporter.SaveAsync(change, DeviceImportRow.Parse(row), ct);
                results.Add(new ImportRowResult(row.Row, outcome, key, null, null));
                continue;
            }
            catch (RowRefusedException e)
            {
                refusal = e.At(row.Row);
            }
            catch (RegisterValidationException e)
            {
                refusal = new ImportRefusal(row.Row, e.Field, e.Message);
            }
            catch (RegisterConflictException e)
            {
                refusal = new ImportRefusal(row.Row, "imei", e.Message);
            }
            refused.Add(refusal);
            results.Add(new ImportRowResult(row.Row, ImportOutcome.Refused, key, refusal.Column, refusal.Reason));
        }
        return new DeviceImportResult(results.Count(r => r.Outcome is ImportOutcome.Created or ImportOutcome.Updated),
            results.Count(r => r.Outcome == ImportOutcome.Unchanged), refused) { Rows = results };
    }

    public Task<OrgImportResult> ImportOrgAsync(RegisterUser user, string content, OrgExportFormat format, bool confirmRemovals = false, string? operationKey = null,
        CancellationToken ct = default)
    {
        RegisterAccess.RequireOrgWriter(user);
        var snapshot = format == OrgExportFormat.Json
            ? OrgExportReader.ReadJson(content)
            : OrgExportReader.ReadCsv(content, options.Value.MaxImportRows);
        return org.ImportAsync(user, snapshot, confirmRemovals, operationKey, ct);
    }
}
