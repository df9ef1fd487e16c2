using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Lets dotnet-ef build the context from this class library, which has no host to ask:
/// <c>dotnet ef migrations add Name --project src/Engine --output-dir Persistence/Migrations/Sqlite
/// --namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.Sqlite</c>.
/// </summary>
internal sealed class DesignTimeWorkflowDbContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        // Never opened when adding a migration; only names the provider.
        DatabaseProvider.Configure(options, new DatabaseOptions(DatabaseOptions.Sqlite, "Data Source=design-time.db"));
        return new WorkflowDbContext(options.Options);
    }
}
