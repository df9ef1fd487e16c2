using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library, which has no host to ask
/// (one factory per context: dotnet-ef looks for a factory of exactly the context it is told):
/// <c>dotnet ef migrations add Name --project src/Engine --context PostgresWorkflowDbContext
/// --output-dir Persistence/Migrations/PostgreSql --namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.PostgreSql</c>
/// (likewise <c>SqliteWorkflowDbContext</c> → Sqlite, <c>SqlServerWorkflowDbContext</c> → SqlServer).
/// The connection strings are never opened; they only name the provider.
/// </summary>
internal static class DesignTimeWorkflowDbContextFactory
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
    public static WorkflowDbContext Create(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
        DatabaseKind.PostgreSql => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkflowDbContextFactory.Options<SqliteWorkflowDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkflowDbContextFactory.Options<PostgresWorkflowDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWorkflowDbContext>
{
    public SqlServerWorkflowDbContext CreateDbContext(string[] args) =>
        new(DesignTimeWorkflowDbContextFactory.Options<SqlServerWorkflowDbContext>(DatabaseKind.SqlServer));
}
