using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Tests.Persistence;

/// <summary>Each database product's register migrations match the model; no server needed.</summary>
public sealed class RegisterMigrationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    [InlineData(DatabaseKind.SqlServer)]
    public void Migrations_match_the_model(DatabaseKind kind)
    {
        using var db = DesignTimeRegisterDbContextFactory.Create(kind);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{kind}: add a migration for the register model change");
    }
}
