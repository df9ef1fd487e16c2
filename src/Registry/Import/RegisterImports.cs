using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Registry.Import;

internal sealed class RegisterImports(RegisterTransactions transactions, IOrgRegister org, IOptions<RegisterOptions> options) : IRegisterImports
{
    public Task<DeviceImportResult> ImportDevicesAsync(RegisterUser user, string csv, string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        var rows = CsvTable.Read(csv, DeviceImportRow.RequiredColumns, options.Value.MaxImportRows);
        return transactions.RunAsync("Devices.Import", operationKey, user, async change =>
        {
            int saved = 0, unchanged = 0;
            var refused = new List<ImportRefusal>();
            foreach (var row in rows)
            {
                try
                {
                    if (await DeviceImporter.SaveAsync(change, DeviceImportRow.Parse(row), ct)) saved++;
                    else unchanged++;
                }
                catch (RowRefusedException e)
                {
                    refused.Add(e.At(row.Row));
                }
                catch (RegisterValidationException e)
                {
                    refused.Add(new ImportRefusal(row.Row, e.Field, e.Message));
                }
                catch (RegisterConflictException e)
                {
                    refused.Add(new ImportRefusal(row.Row, "imei", e.Message));
                }
            }
            return new DeviceImportResult(saved, unchanged, refused);
        }, ct);
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
