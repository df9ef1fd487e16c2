using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>
/// Lets dotnet-ef build the context from this class library:
/// <c>dotnet ef migrations add Name --project src/Rules --context PolicyDbContext
/// --output-dir Persistence/Migrations/Sqlite --namespace RJH.DeviceWorkflows.Rules.Persistence.Migrations.Sqlite</c>.
/// </summary>
internal sealed class DesignTimePolicyDbContextFactory : IDesignTimeDbContextFactory<PolicyDbContext>
{
    public PolicyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PolicyDbContext>();
        // Never opened when adding a migration; only names the provider.
        DatabaseProvider.Configure(options, new DatabaseOptions(DatabaseOptions.Sqlite, "Data Source=design-time.db"));
        return new PolicyDbContext(options.Options);
    }
}
