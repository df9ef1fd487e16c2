using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>Each product's migrations, checked without a server (SQL Server cannot run here at all).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    [InlineData(DatabaseKind.SqlServer)]
    public void The_model_has_no_changes_that_its_migrations_lack(DatabaseKind kind)
    {
        using var db = DesignTimeWorkflowDbContextFactory.Create(kind);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {kind} migrations: add one with dotnet ef (see DesignTimeWorkflowDbContextFactory).");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, "CREATE TABLE \"Instances\"")]
    [InlineData(DatabaseKind.PostgreSql, "CREATE TABLE \"Instances\"")]
    [InlineData(DatabaseKind.SqlServer, "CREATE TABLE [Instances]")]
    public void The_migrations_turn_into_the_product_s_SQL(DatabaseKind kind, string createInstances)
    {
        using var db = DesignTimeWorkflowDbContextFactory.Create(kind);
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.Contains(createInstances, script);
        Assert.Contains("Jobs", script);
    }

    [Fact]
    public void Sqlite_keeps_the_migration_ids_existing_files_have_in_their_history()
    {
        using var db = DesignTimeWorkflowDbContextFactory.Create(DatabaseKind.Sqlite);
        Assert.Equal(["20261124100434_InitialEngineSchema", "20261124101615_AddJobs", "20261124113214_JournalPages", "20261204035604_InboxColumns", "20261204060228_InboxIndexes",
            "20261204085729_IncidentErrorCode", "20261204132956_InstanceStartedFor"], db.Database.GetMigrations());
    }

    [Theory]
    [InlineData("postgresql", DatabaseKind.PostgreSql)]
    [InlineData("SQLSERVER", DatabaseKind.SqlServer)]
    [InlineData("Sqlite", DatabaseKind.Sqlite)]
    public void Provider_names_ignore_case(string name, DatabaseKind kind) =>
        Assert.Equal(kind, new DatabaseOptions(name, "x").Kind);

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void An_unknown_provider_is_refused_with_the_names_that_work(string name)
    {
        var error = Assert.Throws<NotSupportedException>(() => new DatabaseOptions(name, "x").Kind);
        Assert.Contains("Sqlite, PostgreSql or SqlServer", error.Message);
    }
}
