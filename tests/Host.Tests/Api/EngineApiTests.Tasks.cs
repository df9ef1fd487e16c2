using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Api;

public sealed partial class EngineApiTests
{
    [Fact]
    public async Task Inbox_lists_open_tasks_for_the_callers_roles_only()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");

        var task = await OpenTaskAsync("anna.chef", instance);

        Assert.Equal(instance["id"]!.GetValue<Guid>(), task["instanceId"]!.GetValue<Guid>());
        Assert.Equal("Task_Approve", task["elementId"]!.GetValue<string>());
        Assert.Equal("Godkänn beställning", task["name"]!.GetValue<string>());
        Assert.Equal("example-approval", task["formKey"]!.GetValue<string>());
        Assert.Null(task["assignee"]);
        Assert.Equal(["Manager"], task["candidateRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(task["createdAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.MinValue);
        Assert.NotNull(task["variables"]);
        Assert.Single(await TasksAsync("olle.chef", instance));
        Assert.Empty(await TasksAsync("erik.anstalld", instance));
        var all = await HttpAssert.ArrayAsync(await (await As("erik.anstalld")).GetAsync("/api/tasks"));
        Assert.DoesNotContain(all, t => t!["id"]!.GetValue<Guid>() == task["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Task_is_read_by_a_candidate_and_not_by_others()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var task = await OpenTaskAsync("anna.chef", instance);

        var read = await HttpAssert.StatusAsync(await (await As("anna.chef")).GetAsync($"/api/tasks/{task["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Task_Approve", read!["elementId"]!.GetValue<string>());

        var other = await (await As("erik.anstalld")).GetAsync($"/api/tasks/{task["id"]}");
        Assert.Contains(other.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        await HttpAssert.ProblemAsync(await (await As("admin")).GetAsync($"/api/tasks/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Completing_a_task_without_its_candidate_role_is_403_and_changes_nothing()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var task = await OpenTaskAsync("anna.chef", instance);

        var response = await (await As("erik.anstalld")).PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { amount = 1 } });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        var after = await GetInstanceAsync(instance);
        Assert.Equal("Running", after["status"]!.GetValue<string>());
        Assert.Null(after["variables"]!["amount"]);
        Assert.Single(await TasksAsync("anna.chef", instance));
    }

    [Fact]
    public async Task Claimed_task_belongs_to_the_claimer_only()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var task = await OpenTaskAsync("anna.chef", instance);

        var claimed = await HttpAssert.StatusAsync(
            await (await As("anna.chef")).PostAsync($"/api/tasks/{task["id"]}/claim", null), HttpStatusCode.OK);

        Assert.Equal("anna.chef", claimed!["assignee"]!.GetValue<string>());
        Assert.Empty(await TasksAsync("olle.chef", instance));
        await HttpAssert.ProblemAsync(await (await As("olle.chef")).PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { } }), HttpStatusCode.Forbidden);
        await HttpAssert.StatusAsync(await (await As("anna.chef")).PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { } }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_claimed_task_is_given_back_by_its_holder_only_and_is_open_to_the_role_again()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var task = await OpenTaskAsync("anna.chef", instance);
        var path = $"/api/tasks/{task["id"]}";
        await HttpAssert.StatusAsync(await (await As("anna.chef")).PostAsync(path + "/claim", null), HttpStatusCode.OK);

        await HttpAssert.ProblemAsync(await (await As("olle.chef")).PostAsync(path + "/unclaim", null), HttpStatusCode.Forbidden);
        var given = await HttpAssert.StatusAsync(await (await As("anna.chef")).PostAsync(path + "/unclaim", null), HttpStatusCode.OK);

        Assert.Null(given!["assignee"]);
        Assert.Single(await TasksAsync("olle.chef", instance));
        await HttpAssert.StatusAsync(await (await As("olle.chef")).PostAsync(path + "/claim", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Complete_merges_variables_moves_on_and_a_second_completion_is_409()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval", new { orderedBy = "erik.anstalld" });
        factory.PublishForm("example-approval", ("amount", "number"));
        var task = await OpenTaskAsync("anna.chef", instance);
        var path = $"/api/tasks/{task["id"]}/complete";

        await HttpAssert.StatusAsync(await (await As("anna.chef")).PostAsJsonAsync(path, new { variables = new { amount = 5000 } }),
            HttpStatusCode.OK);
        await HttpAssert.ProblemAsync(await (await As("anna.chef")).PostAsJsonAsync(path, new { variables = new { } }),
            HttpStatusCode.Conflict);

        var after = await GetInstanceAsync(instance);
        Assert.Equal("Completed", after["status"]!.GetValue<string>());
        Assert.Equal(5000, after["variables"]!["amount"]!.GetValue<int>());
        Assert.Equal("erik.anstalld", after["variables"]!["orderedBy"]!.GetValue<string>());
        var journal = await JournalAsync(instance);
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "End_Large");
        Assert.DoesNotContain(journal, e => e!["elementId"]?.GetValue<string>() == "End_Approved");
    }

    [Fact]
    public async Task Journal_shows_the_task_completion_with_the_users_name()
    {
        var instance = await StartAsync("anna.chef", Bpmn.ManagerApproval, "manager-approval");
        var task = await OpenTaskAsync("anna.chef", instance);

        await HttpAssert.StatusAsync(await (await As("olle.chef")).PostAsync($"/api/tasks/{task["id"]}/complete", null),
            HttpStatusCode.OK);

        var journal = await JournalAsync(instance);
        var completion = Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "TaskCompleted");
        Assert.Equal("olle.chef", completion!["actor"]!.GetValue<string>());
        Assert.Equal("Task_Approve", completion["elementId"]!.GetValue<string>());
        Assert.True(completion["at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.MinValue);
    }

    [Fact]
    public async Task Assignee_expression_gives_the_task_to_that_user()
    {
        var instance = await StartAsync("erik.anstalld", Bpmn.AssignedReview, "employee-request", new { reviewer = "olle.chef" });

        var task = await OpenTaskAsync("olle.chef", instance);

        Assert.Equal("olle.chef", task["assignee"]!.GetValue<string>());
        Assert.Equal("review", task["formKey"]!.GetValue<string>());
        Assert.Empty(await TasksAsync("anna.chef", instance));
    }

    [Fact]
    public async Task Clock_advance_fires_a_due_timer()
    {
        var instance = await StartAsync("erik.anstalld", Bpmn.TimerWait, "timer-wait");
        Assert.Contains(instance["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "Timer_Wait");
        var admin = await As("admin");
        var before = (await HttpAssert.StatusAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK))!["now"]!
            .GetValue<DateTimeOffset>();

        var advanced = await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "PT2H" }),
            HttpStatusCode.OK);

        Assert.True(advanced!["now"]!.GetValue<DateTimeOffset>() >= before + TimeSpan.FromHours(2));
        var after = await GetInstanceAsync(instance);
        Assert.Equal("Completed", after["status"]!.GetValue<string>());
        Assert.Contains(await JournalAsync(instance), e => e!["kind"]!.GetValue<string>() == "TimerFired");
    }

    private async Task<JsonArray> TasksAsync(string user, JsonObject instance) =>
        await HttpAssert.ArrayAsync(await (await As(user)).GetAsync($"/api/tasks?instanceId={instance["id"]}"));

    private async Task<JsonObject> OpenTaskAsync(string user, JsonObject instance) =>
        Assert.IsType<JsonObject>(Assert.Single(await TasksAsync(user, instance)));

    private async Task<JsonArray> JournalAsync(JsonObject instance) =>
        await HttpAssert.ArrayAsync(await (await As("admin")).GetAsync($"/api/instances/{instance["id"]}/journal"));
}
