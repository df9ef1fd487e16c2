using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library (one factory per context):
/// <c>dotnet ef migrations add Name --project src/Registry --context PostgresWorkEnvironmentDbContext
/// --output-dir WorkEnvironment/Persistence/Migrations/PostgreSql
/// --namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence.Migrations.PostgreSql</c>
/// (likewise Sqlite…, SqlServer…). The connection string is never opened; it only names the provider.
/// </summary>
internal abstract class DesignTimeWorkEnvironmentDbContextFactory<TContext>(
    DatabaseKind kind, Func<DbContextOptions<TContext>, TContext> create) : IDesignTimeDbContextFactory<TContext>
    where TContext : WorkEnvironmentDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProvider.Configure(options, DatabaseOptions.For(kind, kind == DatabaseKind.Sqlite
            ? "Data Source=design-time.db"
            : "Server=localhost;Database=design_time")); // Npgsql reads "Server" as its Host
        return create(options.Options);
    }
}

internal sealed class SqliteWorkEnvironmentDesignTimeFactory()
    : DesignTimeWorkEnvironmentDbContextFactory<SqliteWorkEnvironmentDbContext>(DatabaseKind.Sqlite, o => new(o));

internal sealed class PostgresWorkEnvironmentDesignTimeFactory()
    : DesignTimeWorkEnvironmentDbContextFactory<PostgresWorkEnvironmentDbContext>(DatabaseKind.PostgreSql, o => new(o));

internal sealed class SqlServerWorkEnvironmentDesignTimeFactory()
    : DesignTimeWorkEnvironmentDbContextFactory<SqlServerWorkEnvironmentDbContext>(DatabaseKind.SqlServer, o => new(o));

internal static class DesignTimeWorkEnvironmentDbContexts
{
    /// <summary>A context of the product's type, for model checks in tests.</summary>
    public static WorkEnvironmentDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
        DatabaseKind.PostgreSql => new PostgresWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerWorkEnvironmentDesignTimeFactory().CreateDbContext([]),
    };
}
