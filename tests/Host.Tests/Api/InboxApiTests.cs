using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Api;

/// <summary>
/// <c>GET /api/tasks</c> with the inbox's filters: the engine's query is tested in Engine.Tests; here the query
/// string, the total header and the refusals. Each test names its own people so the shared host's tasks never mix.
/// </summary>
public sealed class InboxApiTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Free_text_scope_and_paging_narrow_the_list_and_the_total_counts_every_match()
    {
        var person = $"Inga {Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++) await StartAsync(person, $"order-{i}-{person}");
        using var olle = await factory.ClientFor("olle.chef");

        var (page, total) = await InboxAsync(olle, $"?q={Uri.EscapeDataString(person.ToUpperInvariant())}&limit=2&sort=created&order=desc");
        Assert.Equal(3, total);
        Assert.Equal(2, page.Count);
        Assert.All(page, t => Assert.Equal(person, t!["personName"]!.GetValue<string>()));
        Assert.Equal("manager-approval", page[0]!["definitionKey"]!.GetValue<string>());
        Assert.Equal($"order-2-{person}", page[0]!["businessKey"]!.GetValue<string>());

        var (rest, _) = await InboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&limit=2&offset=2&sort=created&order=desc");
        Assert.Equal($"order-0-{person}", Assert.Single(rest)!["businessKey"]!.GetValue<string>());

        var byKey = await InboxAsync(olle, $"?q={Uri.EscapeDataString($"order-1-{person}")}");
        Assert.Equal(1, byKey.Total);
        Assert.Equal(3, (await InboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&limit=1&count=exact")).Total);

        var taskId = page[0]!["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(await olle.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);
        var mine = await InboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&scope=mine");
        Assert.Equal(taskId, Assert.Single(mine.Tasks)!["id"]!.GetValue<Guid>());
        Assert.Equal(2, (await InboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&scope=unclaimed")).Total);

        using var anna = await factory.ClientFor("anna.chef");
        Assert.Equal(2, (await InboxAsync(anna, $"?q={Uri.EscapeDataString(person)}")).Total);
        using var erik = await factory.ClientFor("erik.anstalld");
        Assert.Equal(0, (await InboxAsync(erik, $"?q={Uri.EscapeDataString(person)}")).Total);
    }

    [Fact]
    public async Task Process_and_due_filters_leave_out_tasks_of_other_processes_and_tasks_without_a_due_time()
    {
        var person = $"Per {Guid.NewGuid():N}";
        await StartAsync(person, $"due-{person}");
        using var olle = await factory.ClientFor("olle.chef");
        var q = Uri.EscapeDataString(person);

        Assert.Equal(1, (await InboxAsync(olle, $"?q={q}&process=manager-approval")).Total);
        Assert.Equal(0, (await InboxAsync(olle, $"?q={q}&process=ordering")).Total);
        // The model sets no due time, so no due window holds the task.
        Assert.Equal(0, (await InboxAsync(olle, $"?q={q}&due=week")).Total);
        Assert.Equal(1, (await InboxAsync(olle, $"?q={q}&sort=due")).Total);
    }

    [Theory]
    [InlineData("scope=everyone", "scope")]
    [InlineData("due=tomorrow", "due")]
    [InlineData("sort=name", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("count=all", "count")]
    public async Task A_wrong_parameter_is_400_naming_it(string query, string field)
    {
        using var olle = await factory.ClientFor("olle.chef");

        var problem = await HttpAssert.ProblemAsync(await olle.GetAsync($"/api/tasks?{query}"), HttpStatusCode.BadRequest);

        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task Search_text_longer_than_100_characters_is_400()
    {
        using var olle = await factory.ClientFor("olle.chef");

        var problem = await HttpAssert.ProblemAsync(await olle.GetAsync($"/api/tasks?q={new string('a', 101)}"), HttpStatusCode.BadRequest);

        Assert.NotNull(problem!["errors"]!["q"]);
    }

    [Fact]
    public async Task Past_the_count_step_the_total_stops_there_marked_capped_until_paging_on_reaches_the_end()
    {
        await using var host = HostFactory.With(overrides: [("Inbox:CountStep", "2")]);
        var person = $"Ivar {Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++) await StartAsync(person, $"order-{i}-{person}", host);
        using var olle = await host.ClientFor("olle.chef");

        var first = await RawInboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&limit=1");
        var second = await RawInboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&limit=1&offset=1");
        var exact = await RawInboxAsync(olle, $"?q={Uri.EscapeDataString(person)}&limit=1&count=exact");

        // One task shown: the count goes to the next multiple of 2 past it, and 3 is more than that.
        Assert.Equal(("2", "true"), first);
        Assert.Equal(("3", null), second);
        Assert.Equal(("3", null), exact);
    }

    [Fact]
    public async Task A_count_step_below_one_stops_the_host_with_a_clear_message()
    {
        await using var host = HostFactory.With(overrides: [("Inbox:CountStep", "0")]);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Inbox:CountStep", error.ToString());
    }

    private async Task StartAsync(string person, string businessKey, HostFactory? on = null)
    {
        var host = on ?? factory;
        await host.DeployAsync(Bpmn.ManagerApproval);
        using var anna = await host.ClientFor("anna.chef");
        var response = await anna.PostAsJsonAsync("/api/instances",
            new { definitionKey = "manager-approval", businessKey, variables = new { employee = new { name = person } } });
        await HttpAssert.StatusAsync(response, HttpStatusCode.Created);
    }

    /// <summary>The total and the capped mark as the headers give them.</summary>
    private static async Task<(string Total, string? Capped)> RawInboxAsync(HttpClient client, string query)
    {
        var (_, total, capped) = await PageAsync(client, query);
        return (total, capped);
    }

    private static async Task<(JsonArray Tasks, int Total)> InboxAsync(HttpClient client, string query)
    {
        var (tasks, total, capped) = await PageAsync(client, query);
        // Under a thousand the count is exact, so it is never marked as stopped short.
        Assert.Null(capped);
        return (tasks, int.Parse(total, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<(JsonArray Tasks, string Total, string? Capped)> PageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/tasks{query}");
        var tasks = await HttpAssert.ArrayAsync(response);
        return (tasks, Assert.Single(response.Headers.GetValues("X-Total-Count")),
            response.Headers.TryGetValues("X-Total-Count-Capped", out var capped) ? Assert.Single(capped) : null);
    }
}
