using RJH.DeviceWorkflows.Data;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>Finds and reads the demo data file; null (with a warning) when it is not shipped with this host.</summary>
internal sealed class DemoDataSource(IHostEnvironment environment, IOptions<DemoOptions> options, ILogger<DemoDataSource> logger)
{
    public async Task<DemoData?> ReadAsync(CancellationToken ct)
    {
        var configured = options.Value.DataFile;
        var folder = ContentFolders.Find(Path.GetDirectoryName(configured), environment.ContentRootPath, AppContext.BaseDirectory);
        var path = folder is null ? null : Path.Combine(folder, Path.GetFileName(configured));
        if (path is null || !File.Exists(path))
        {
            logger.LogWarning("Demo data file {File} not found from {ContentRoot} upwards", configured, environment.ContentRootPath);
            return null;
        }
        return await DemoData.ReadAsync(path, ct);
    }
}
