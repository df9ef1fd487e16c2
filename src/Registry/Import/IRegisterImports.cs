using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Registry.Import;

public enum OrgExportFormat { Csv, Json }

/// <summary>The two file imports: phones already in use (ServiceCenter, admin) and the HR export (HR, admin).</summary>
public interface IRegisterImports
{
    /// <exception cref="RegisterValidationException">The file as a whole cannot be read (no header, required columns missing, too many rows).</exception>
    Task<DeviceImportResult> ImportDevicesAsync(RegisterUser user, string csv, string? operationKey = null, CancellationToken ct = default);

    /// <summary>
    /// What <see cref="ImportDevicesAsync"/> would do with the file, row by row, without changing anything: the same
    /// checks in a transaction that is rolled back.
    /// </summary>
    Task<DeviceImportResult> PreviewDevicesAsync(RegisterUser user, string csv, CancellationToken ct = default);

    /// <inheritdoc cref="Org.IOrgRegister.ImportAsync"/>
    Task<OrgImportResult> ImportOrgAsync(RegisterUser user, string content, OrgExportFormat format, bool confirmRemovals = false, string? operationKey = null,
        CancellationToken ct = default);
}
