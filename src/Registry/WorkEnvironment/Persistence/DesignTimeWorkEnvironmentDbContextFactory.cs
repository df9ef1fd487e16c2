using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library (one factory per context):
/// <c>dotnet ef migrations add Name --project src/Registry --context PostgresWorkEnvironmentDbContext
/// --output-dir WorkEnvironment/Persistence/Migrations/PostgreSql
/// --namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence.Migrations.PostgreSql</c>
/// (likewise Sqlite…, SqlServer…). The connection strings are never opened; they only name the provider.
/// </summary>
internal static class DesignTimeWorkEnvironmentDbContextFactory
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
    public static WorkEnvironmentDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
        DatabaseKind.PostgreSql => new PostgresWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
    };
}

internal sealed class SqliteWorkEnvironmentDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkEnvironmentDbContext>
{
    public SqliteWorkEnvironmentDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkEnvironmentDbContextFactory.Options<SqliteWorkEnvironmentDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresWorkEnvironmentDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkEnvironmentDbContext>
{
    public PostgresWorkEnvironmentDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkEnvironmentDbContextFactory.Options<PostgresWorkEnvironmentDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerWorkEnvironmentDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWorkEnvironmentDbContext>
{
    public SqlServerWorkEnvironmentDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkEnvironmentDbContextFactory.Options<SqlServerWorkEnvironmentDbContext>(DatabaseKind.SqlServer));
}
