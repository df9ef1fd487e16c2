using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library (one factory per context):
/// <c>dotnet ef migrations add Name --project src/Registry --context PostgresRegisterDbContext
/// --output-dir Persistence/Migrations/PostgreSql --namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.PostgreSql</c>
/// (likewise SqliteRegisterDbContext → Sqlite, SqlServerRegisterDbContext → SqlServer). dotnet-ef writes the model
/// snapshot under a folder named after the namespace (src/Registry/RJH/…): move it beside the migration.
/// </summary>
internal static class DesignTimeRegisterDbContextFactory
{
    /// <summary>A context of the product's type, for dotnet-ef and for model checks in tests.</summary>
    public static RegisterDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteRegisterDbContext(DesignTimeOptions.For<SqliteRegisterDbContext>(kind)),
        DatabaseKind.PostgreSql => new PostgresRegisterDbContext(DesignTimeOptions.For<PostgresRegisterDbContext>(kind)),
        _ => new SqlServerRegisterDbContext(DesignTimeOptions.For<SqlServerRegisterDbContext>(kind)),
    };
}

internal sealed class SqliteRegisterDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegisterDbContext>
{
    public SqliteRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<SqliteRegisterDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresRegisterDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegisterDbContext>
{
    public PostgresRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<PostgresRegisterDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerRegisterDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRegisterDbContext>
{
    public SqlServerRegisterDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<SqlServerRegisterDbContext>(DatabaseKind.SqlServer));
}
