using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library (one factory per context):
/// <c>dotnet ef migrations add Name --project src/Registry --context PostgresRegisterDbContext
/// --output-dir Persistence/Migrations/PostgreSql --namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.PostgreSql</c>
/// (likewise SqliteRegisterDbContext → Sqlite, SqlServerRegisterDbContext → SqlServer). The connection
/// strings are never opened; they only name the provider.
/// </summary>
internal static class DesignTimeRegisterDbContextFactory
{
    public static DbContextOptions<TContext> Options<TContext>(DatabaseKind kind) where TContext : DbContext
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

    /// <summary>A context of the product's type, for dotnet-ef and for model checks in tests.</summary>
    public static RegisterDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteRegisterDesignTimeFactory().CreateDbContext([]),
        DatabaseKind.PostgreSql => new PostgresRegisterDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerRegisterDesignTimeFactory().CreateDbContext([]),
    };
}

internal sealed class SqliteRegisterDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegisterDbContext>
{
    public SqliteRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeRegisterDbContextFactory.Options<SqliteRegisterDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresRegisterDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegisterDbContext>
{
    public PostgresRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeRegisterDbContextFactory.Options<PostgresRegisterDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerRegisterDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRegisterDbContext>
{
    public SqlServerRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeRegisterDbContextFactory.Options<SqlServerRegisterDbContext>(DatabaseKind.SqlServer));
}
