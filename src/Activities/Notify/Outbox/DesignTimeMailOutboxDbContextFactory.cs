using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>
/// Lets dotnet-ef build each product's context from this class library:
/// <c>dotnet ef migrations add Name --project src/Activities --context PostgresMailOutboxDbContext
/// --output-dir Notify/Outbox/Migrations/PostgreSql --namespace RJH.DeviceWorkflows.Activities.Notify.Outbox.Migrations.PostgreSql</c>
/// (likewise Sqlite…, SqlServer…). The connection string is never opened; it only names the provider.
/// </summary>
internal sealed class SqliteMailOutboxDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMailOutboxDbContext>
{
    public SqliteMailOutboxDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<SqliteMailOutboxDbContext>(DatabaseKind.Sqlite));
}

internal sealed class PostgresMailOutboxDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMailOutboxDbContext>
{
    public PostgresMailOutboxDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<PostgresMailOutboxDbContext>(DatabaseKind.PostgreSql));
}

internal sealed class SqlServerMailOutboxDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMailOutboxDbContext>
{
    public SqlServerMailOutboxDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<SqlServerMailOutboxDbContext>(DatabaseKind.SqlServer));
}
