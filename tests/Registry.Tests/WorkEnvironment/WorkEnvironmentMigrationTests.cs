using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment;

/// <summary>Each database product's work-environment migrations match the model; no server needed.</summary>
public sealed class WorkEnvironmentMigrationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    [InlineData(DatabaseKind.SqlServer)]
    public void Migrations_match_the_model(DatabaseKind kind)
    {
        using var db = DesignTimeWorkEnvironmentDbContexts.Create(kind);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{kind}: add a migration for the work-environment model change");
    }
}
