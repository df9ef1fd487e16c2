using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>Open tasks stored before the inbox columns existed are found by the inbox after the upgrade.</summary>
public abstract class InboxMigrationTests(DatabaseKind kind)
{
    public sealed class Sqlite() : InboxMigrationTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : InboxMigrationTests(DatabaseKind.PostgreSql);

    // The migration before InboxColumns, by name: its id differs per product.
    private const string BeforeInboxColumns = "JournalPages";

    [SkippableFact]
    public async Task Older_tasks_get_process_business_key_person_and_due_order_from_their_instance()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var provider = new ServiceCollection().AddEfWorkflowStore(database.Options).BuildServiceProvider();
        var instanceId = Guid.NewGuid();
        var (dated, undated) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = await provider.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            if (kind == DatabaseKind.Sqlite) DatabaseProvider.EnsureSqliteDirectory(database.ConnectionString);
            await db.GetService<IMigrator>().MigrateAsync(BeforeInboxColumns);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Instances" ("Id", "DefinitionKey", "DefinitionVersion", "BusinessKey", "Status", "State", "StartedAt", "StartedBy", "Revision")
                VALUES ({0}, 'ordering', 1, 'ORD-9', 'Running', {1}, 0, 'test', 1)
                """, Id(instanceId), """{"variables":{"employee":{"name":"Eva Lind"}}}""");
            foreach (var (id, due) in new[] { (undated, (long?)null), (dated, TestRecords.T0.UtcTicks) })
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "UserTasks" ("Id", "InstanceId", "TokenId", "ElementId", "CandidateRoles", "CreatedAt", "DueAt", "Status")
                    VALUES ({0}, {1}, 't1', 'approve', 'Manager', {2}, {3}, 'Open')
                    """, Id(id), Id(instanceId), TestRecords.T0.UtcTicks, due!);
        }

        await provider.MigrateWorkflowStoreAsync();

        var store = provider.GetRequiredService<IWorkflowStore>();
        var found = await store.SearchTasksAsync(new TaskSearch("carol", ["Manager"])
            { DefinitionKey = "ordering", Text = "LIND", Sort = TaskSort.Due });
        Assert.Equal([dated, undated], found.Tasks.Select(t => t.Id));
        Assert.Equal(("ORD-9", "Eva Lind"), (found.Tasks[0].BusinessKey, found.Tasks[0].PersonName));
        var overdue = await store.SearchTasksAsync(new TaskSearch("carol", ["Manager"]) { DueBefore = TestRecords.T0.AddDays(1), Text = "ord-9" });
        Assert.Equal([dated], overdue.Tasks.Select(t => t.Id));
    }

    // SQLite keeps EF's Guids as upper-case text; PostgreSQL as uuid.
    private object Id(Guid id) => kind == DatabaseKind.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
