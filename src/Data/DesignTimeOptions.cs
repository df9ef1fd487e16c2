using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Context options for dotnet-ef and model checks in tests: the product's provider with a connection string
/// that is never opened; it only names the provider.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(DatabaseKind kind) where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProvider.Configure(options, DatabaseOptions.For(kind, kind switch
        {
            DatabaseKind.Sqlite => "Data Source=design-time.db",
            DatabaseKind.PostgreSql => "Host=localhost;Database=design_time",
            _ => "Server=localhost;Database=design_time",
        }));
        return options.Options;
    }
}
