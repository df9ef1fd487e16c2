using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library (one factory per context):
/// <c>dotnet ef migrations add Name --project src/Rules --context PostgresPolicyDbContext
/// --output-dir Persistence/Migrations/PostgreSql --namespace RJH.DeviceWorkflows.Rules.Persistence.Migrations.PostgreSql</c>
/// (likewise SqlitePolicyDbContext → Sqlite, SqlServerPolicyDbContext → SqlServer). The connection
/// strings are never opened; they only name the provider.
/// </summary>
internal static class DesignTimePolicyDbContextFactory
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
    public static PolicyDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqlitePolicyDesignTimeFactory().CreateDbContext([]),
        DatabaseKind.PostgreSql => new PostgresPolicyDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerPolicyDesignTimeFactory().CreateDbContext([]),
    };
}

internal sealed class SqlitePolicyDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePolicyDbContext>
{
    public SqlitePolicyDbContext CreateDbContext(string[] args) => new(DesignTimePolicyDbContextFactory.Options<SqlitePolicyDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresPolicyDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPolicyDbContext>
{
    public PostgresPolicyDbContext CreateDbContext(string[] args) => new(DesignTimePolicyDbContextFactory.Options<PostgresPolicyDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerPolicyDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPolicyDbContext>
{
    public SqlServerPolicyDbContext CreateDbContext(string[] args) => new(DesignTimePolicyDbContextFactory.Options<SqlServerPolicyDbContext>(DatabaseKind.SqlServer));
}
