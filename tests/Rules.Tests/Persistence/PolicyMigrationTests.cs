using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules.Persistence;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

/// <summary>Each database product's policy migrations match the model; no server needed.</summary>
public sealed class PolicyMigrationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    [InlineData(DatabaseKind.SqlServer)]
    public void Migrations_match_the_model(DatabaseKind kind)
    {
        using var db = DesignTimePolicyDbContextFactory.Create(kind);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{kind}: add a migration for the policy model change");
    }

    [Fact]
    public void Sqlite_keeps_the_migration_id_existing_files_have_in_their_history()
    {
        using var db = DesignTimePolicyDbContextFactory.Create(DatabaseKind.Sqlite);
        Assert.Equal(["20261124102601_InitialPolicySchema", "20261204081605_DecisionLogAndTestCases", "20261204152657_PolicyPublishNote"], db.Database.GetMigrations());
    }
}
