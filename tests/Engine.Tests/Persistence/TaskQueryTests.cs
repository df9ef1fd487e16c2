using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public abstract class TaskQueryTests(DatabaseKind kind)
{
    public sealed class Sqlite() : TaskQueryTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : TaskQueryTests(DatabaseKind.PostgreSql);

    private static readonly Guid InstanceId = Guid.NewGuid();
    private static readonly UserTaskRecord ForAlice = UserTask(InstanceId, 1, assignee: "alice", roles: "Manager");
    private static readonly UserTaskRecord Managers = UserTask(InstanceId, 2, roles: "Manager");
    private static readonly UserTaskRecord SubManagers = UserTask(InstanceId, 3, roles: "SubManager,ManagerAssistant");
    private static readonly UserTaskRecord ClerksOrManagers = UserTask(InstanceId, 4, roles: " Clerk , Manager ");
    private static readonly UserTaskRecord ForBob = UserTask(InstanceId, 5, assignee: "bob", roles: "Manager");
    private static readonly UserTaskRecord Done = UserTask(InstanceId, 6, roles: "Manager", status: UserTaskStatus.Completed);
    private static readonly UserTaskRecord ServiceDesk = UserTask(InstanceId, 0, roles: "Service Desk");

    [SkippableFact]
    public async Task Roles_match_whole_names_only_and_assigned_tasks_only_their_assignee()
    {
        await using var db = await SeedAsync();

        Assert.Equal([Managers.Id, ClerksOrManagers.Id], await IdsAsync(db, "carol", "Manager"));
        Assert.Equal([ClerksOrManagers.Id], await IdsAsync(db, "carol", "Clerk"));
        Assert.Equal([SubManagers.Id, ClerksOrManagers.Id], await IdsAsync(db, "carol", "SubManager", "Clerk"));
        Assert.Equal([ServiceDesk.Id], await IdsAsync(db, "carol", "Service Desk"));
        Assert.Empty(await IdsAsync(db, "carol", "Manage"));
        Assert.Empty(await IdsAsync(db, "carol", "Man", "ager", "manager"));
        Assert.Equal([ForAlice.Id], await IdsAsync(db, "alice"));
        Assert.Equal([ForAlice.Id, Managers.Id, ClerksOrManagers.Id], await IdsAsync(db, "alice", "Manager"));
    }

    [SkippableFact]
    public async Task Without_a_user_the_query_lists_by_instance_and_status_in_creation_order()
    {
        await using var db = await SeedAsync();

        var open = await db.Store.ListTasksAsync(new TaskQuery(InstanceId: InstanceId));
        Assert.Equal([ServiceDesk.Id, ForAlice.Id, Managers.Id, SubManagers.Id, ClerksOrManagers.Id, ForBob.Id],
            open.Select(t => t.Id));
        Assert.Equal(7, (await db.Store.ListTasksAsync(new TaskQuery(OpenOnly: false))).Count);
        Assert.Equal(2, (await db.Store.ListTasksAsync(new TaskQuery(Max: 2))).Count);
        Assert.Empty(await db.Store.ListTasksAsync(new TaskQuery(InstanceId: Guid.NewGuid())));
    }

    [SkippableFact]
    public async Task Candidate_roles_are_stored_trimmed()
    {
        await using var db = await SeedAsync();

        Assert.Equal("Clerk,Manager", (await db.Store.FindTaskAsync(ClerksOrManagers.Id))?.CandidateRoles);

        await using var tx = await db.Store.BeginAsync();
        var task = await tx.LoadTaskAsync(Managers.Id);
        Assert.NotNull(task);
        task.CandidateRoles = "Manager, ,Clerk";
        await tx.CommitAsync();
        Assert.Equal([Managers.Id, ClerksOrManagers.Id], await IdsAsync(db, "carol", "Clerk"));
    }

    [SkippableFact]
    public async Task A_capped_count_stops_at_the_cap_and_says_more_match()
    {
        await using var db = await SeedAsync();
        // alice may work three open tasks: her own and two open to Manager.
        var search = new TaskSearch("alice", ["Manager"]) { Limit = 1 };

        var exact = await db.Store.SearchTasksAsync(search);
        var capped = await db.Store.SearchTasksAsync(search with { CountUpTo = 2 });
        var atTheCount = await db.Store.SearchTasksAsync(search with { CountUpTo = 3 });

        Assert.Equal((3, false), (exact.Total, exact.Capped));
        Assert.Equal((2, true), (capped.Total, capped.Capped));
        Assert.Equal((3, false), (atTheCount.Total, atTheCount.Capped));
        Assert.Equal(exact.Tasks.Select(t => t.Id), capped.Tasks.Select(t => t.Id));
        // A first page that is not full is its own count, cap or not.
        Assert.Equal((3, false), await TotalAsync(db, search with { Limit = 25, CountUpTo = 1 }));
    }

    private static async Task<(int, bool)> TotalAsync(TempStore db, TaskSearch search) =>
        await db.Store.SearchTasksAsync(search) is var r ? (r.Total, r.Capped) : default;

    private async Task<TempStore> SeedAsync()
    {
        var db = await TempStore.CreateAsync(kind);
        // Copies: the store normalises what it saves, and these records are shared by the tests.
        await SaveAsync(db.Store, tx =>
        {
            foreach (var task in new[] { ForAlice, Managers, SubManagers, ClerksOrManagers, ForBob, Done, ServiceDesk })
                tx.AddTask(Copy(task));
        });
        return db;
    }

    private static UserTaskRecord Copy(UserTaskRecord t) => new()
    {
        Id = t.Id, InstanceId = t.InstanceId, TokenId = t.TokenId, ElementId = t.ElementId, Assignee = t.Assignee,
        CandidateRoles = t.CandidateRoles, CreatedAt = t.CreatedAt, Status = t.Status,
    };

    private static async Task<Guid[]> IdsAsync(TempStore db, string user, params string[] roles) =>
        (await db.Store.ListTasksAsync(new TaskQuery(User: user, Roles: roles))).Select(t => t.Id).ToArray();
}
