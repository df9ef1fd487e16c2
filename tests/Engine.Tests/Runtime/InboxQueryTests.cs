using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>The inbox query (<see cref="IWorkflowQueries.FindTasksAsync"/>): filters, sorting and paging done by the database.</summary>
public abstract class InboxQueryTests(DatabaseKind kind)
{
    public sealed class Sqlite() : InboxQueryTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : InboxQueryTests(DatabaseKind.PostgreSql);

    private static readonly Caller Anna = new("anna.chef", new HashSet<string> { "Manager", "ServiceCenter" });

    private static string Model(string key, string task) => Process(key, $"""
        <bpmn:startEvent id="start" />
        {task}
        <bpmn:endEvent id="end" />
        """ + Chain("f", "start", "work", "end"), starterRoles: null);

    // Started one minute apart in this order (the harness's clock: Tuesday 2026-11-24 09:00 Stockholm time).
    private sealed record Seeded(Guid Loan1, Guid Order2, Guid Agreement3, Guid Order4, Guid Loan5);

    private static async Task<Seeded> SeedAsync(EngineHarness h)
    {
        await h.DeployAsync(Model("loan", """<bpmn:userTask id="work" name="Lämna ut" rjh:candidateRoles="ServiceCenter" rjh:dueIn="PT2H" />"""));
        await h.DeployAsync(Model("order", """<bpmn:userTask id="work" name="Attestera" rjh:assignee="vars.employee.managerUserName" rjh:candidateRoles="Manager" rjh:dueIn="P2D" />"""));
        await h.DeployAsync(Model("agreement", """<bpmn:userTask id="work" name="Godkänn" rjh:assignee="vars.employee.managerUserName" />"""));
        async Task<Guid> TaskOf(string key, string businessKey, string person, string manager)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            var instance = await h.StartAsync(key, new { employee = new { name = person, managerUserName = manager } }, businessKey: businessKey);
            return Assert.Single(await h.OpenTasksAsync(instance.Id)).Id;
        }
        return new Seeded(
            await TaskOf("loan", "LOAN-1", "Åsa Öberg", "nobody"),
            await TaskOf("order", "ORD-2", "Bertil Ek", "anna.chef"),
            await TaskOf("agreement", "AGR-3", "Cecilia Ås", "anna.chef"),
            await TaskOf("order", "ORD-4", "Dan Berg", "olle.chef"),
            await TaskOf("loan", "LOAN-5", "Eva Lind", "nobody"));
    }

    private static async Task<Guid[]> IdsAsync(EngineHarness h, InboxQuery query, Caller? caller = null) =>
        (await h.Queries.FindTasksAsync(caller ?? Anna, query)).Tasks.Select(t => t.Id).ToArray();

    [SkippableFact]
    public async Task Lists_my_tasks_and_those_open_to_my_roles_by_scope_process_and_text()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var s = await SeedAsync(h);

        var all = await h.Queries.FindTasksAsync(Anna, new InboxQuery());
        Assert.Equal([s.Loan1, s.Order2, s.Agreement3, s.Loan5], all.Tasks.Select(t => t.Id));
        Assert.Equal(4, all.Total);
        Assert.Equal([s.Order2, s.Agreement3], await IdsAsync(h, new InboxQuery { Scope = TaskScope.Mine }));
        Assert.Equal([s.Loan1, s.Loan5], await IdsAsync(h, new InboxQuery { Scope = TaskScope.Unclaimed }));
        Assert.Equal([s.Order2], await IdsAsync(h, new InboxQuery { Process = "order" }));

        // Person names and business keys, any case; Dan Berg's task is Olle's, so never Anna's.
        Assert.Equal([s.Loan1, s.Agreement3], await IdsAsync(h, new InboxQuery { Text = "ÅS" }));
        Assert.Equal([s.Order2], await IdsAsync(h, new InboxQuery { Text = " ord-2 " }));
        Assert.Empty(await IdsAsync(h, new InboxQuery { Text = "Dan" }));
        Assert.Equal([s.Order4], await IdsAsync(h, new InboxQuery { Text = "dan b" }, new Caller("olle.chef", new HashSet<string> { "Manager" })));

        var loan = all.Tasks[0];
        Assert.Equal(("Åsa Öberg", "loan", "LOAN-1"), (loan.PersonName, loan.DefinitionKey, loan.BusinessKey));
    }

    [SkippableFact]
    public async Task Counted_in_steps_the_total_stops_past_the_page_says_so_and_grows_as_the_pages_go_on()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await SeedAsync(h);   // four of Anna's

        var first = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 1, CountInStepsOf = 2 });
        var third = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 1, Offset = 2, CountInStepsOf = 2 });
        var exact = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 1 });

        Assert.Equal((2, true), (first.Total, first.Capped));     // more than two
        Assert.Equal((4, false), (third.Total, third.Capped));    // the step past page three reaches all four
        Assert.Equal((4, false), (exact.Total, exact.Capped));
        Assert.Equal(exact.Tasks.Select(t => t.Id), first.Tasks.Select(t => t.Id));
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindTasksAsync(Anna, new InboxQuery { CountInStepsOf = 0 }));
    }

    [SkippableFact]
    public async Task Wildcards_in_the_search_text_or_a_role_name_are_plain_characters()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await SeedAsync(h);

        // PostgreSQL matches with LIKE: an unescaped % or _ would match every task.
        Assert.Empty(await IdsAsync(h, new InboxQuery { Text = "%" }));
        Assert.Empty(await IdsAsync(h, new InboxQuery { Text = "ord_2" }));
        Assert.Empty(await IdsAsync(h, new InboxQuery(), new Caller("x", new HashSet<string> { "Service_enter", "%" })));
        Assert.Empty(await IdsAsync(h, new InboxQuery(), new Caller("x", new HashSet<string> { "servicecenter" })));
    }

    [SkippableFact]
    public async Task Claiming_and_giving_back_moves_a_task_between_mine_and_unclaimed()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var s = await SeedAsync(h);

        await h.Engine.ClaimTaskAsync(s.Loan5, Anna);
        Assert.Equal([s.Order2, s.Agreement3, s.Loan5], await IdsAsync(h, new InboxQuery { Scope = TaskScope.Mine }));
        Assert.Equal([s.Loan1], await IdsAsync(h, new InboxQuery { Scope = TaskScope.Unclaimed }));

        await h.Engine.UnclaimTaskAsync(s.Loan5, Anna);
        Assert.Equal([s.Loan1, s.Loan5], await IdsAsync(h, new InboxQuery { Scope = TaskScope.Unclaimed }));
    }

    [SkippableFact]
    public async Task Sorts_by_due_with_undated_tasks_as_due_never_and_by_creation_either_way()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var s = await SeedAsync(h);

        Assert.Equal([s.Loan1, s.Loan5, s.Order2, s.Agreement3], await IdsAsync(h, new InboxQuery { Sort = TaskSort.Due }));
        Assert.Equal([s.Agreement3, s.Order2, s.Loan5, s.Loan1], await IdsAsync(h, new InboxQuery { Sort = TaskSort.Due, Descending = true }));
        Assert.Equal([s.Loan5, s.Agreement3, s.Order2, s.Loan1], await IdsAsync(h, new InboxQuery { Descending = true }));
    }

    [SkippableFact]
    public async Task Pages_do_not_overlap_and_each_carries_the_total()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var s = await SeedAsync(h);

        var first = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 2 });
        var second = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 2, Offset = 2 });
        var beyond = await h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 2, Offset = 4 });

        Assert.Equal([s.Loan1, s.Order2], first.Tasks.Select(t => t.Id));
        Assert.Equal([s.Agreement3, s.Loan5], second.Tasks.Select(t => t.Id));
        Assert.Empty(beyond.Tasks);
        Assert.Equal([4, 4, 4], new[] { first.Total, second.Total, beyond.Total });
    }

    [SkippableFact]
    public async Task Due_windows_follow_the_engine_clock_and_the_Stockholm_calendar()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var s = await SeedAsync(h);

        Assert.Empty(await IdsAsync(h, new InboxQuery { Due = InboxDue.Overdue }));
        Assert.Equal([s.Loan1, s.Loan5], await IdsAsync(h, new InboxQuery { Due = InboxDue.Today }));
        Assert.Equal([s.Loan1, s.Order2, s.Loan5], await IdsAsync(h, new InboxQuery { Due = InboxDue.ThisWeek }));

        h.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal([s.Loan1, s.Loan5], await IdsAsync(h, new InboxQuery { Due = InboxDue.Overdue }));
        // Thursday's task is overdue by next Monday, and still within "today" then.
        h.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal([s.Loan1, s.Order2, s.Loan5], await IdsAsync(h, new InboxQuery { Due = InboxDue.Today }));
    }

    [SkippableFact]
    public async Task Bad_paging_is_refused()
    {
        await using var h = await EngineHarness.CreateAsync(kind);

        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindTasksAsync(Anna, new InboxQuery { PageSize = 501 }));
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindTasksAsync(Anna, new InboxQuery { Offset = -1 }));
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindTasksAsync(Anna, new InboxQuery { Text = new string('x', 101) }));
    }
}
