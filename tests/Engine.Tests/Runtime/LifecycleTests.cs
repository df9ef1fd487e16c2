using System.Diagnostics;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Versions, who may do what, cancellation, concurrency, restart and the expression sandbox.</summary>
public abstract class LifecycleTests(DatabaseKind kind)
{
    public sealed class Sqlite() : LifecycleTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : LifecycleTests(DatabaseKind.PostgreSql);

    private static readonly Caller Erik = new("erik.anstalld", new HashSet<string> { "Employee" });
    private static readonly Caller Anna = new("anna.chef", new HashSet<string> { "Manager", "Employee" });

    private static string Versioned(string label, string starterRoles = "Employee") => Process("order", $"""
        <bpmn:startEvent id="start" />
        {Service("mark", "SetVariables", Input("label", $"'{label}'"))}
        {UserTask("approve", "Manager")}
        <bpmn:endEvent id="end" />
        """ + Chain("f", "start", "mark", "approve", "end"), starterRoles);

    [SkippableFact]
    public async Task New_instances_use_the_latest_published_version_and_running_ones_keep_theirs()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("one"));
        var first = await h.StartAsync("order");
        await h.DeployAsync(Versioned("draft"), publish: false);
        Assert.Equal("one", (await h.StartAsync("order")).Variables["label"]!.GetValue<string>());

        var v3 = await h.DeployAsync(Versioned("three"));
        var third = await h.StartAsync("order");

        Assert.Equal(3, v3.Version);
        Assert.Equal(3, third.Version);
        Assert.Equal(1, (await h.InstanceAsync(first.Id)).Version);
        Assert.Equal("Completed", (await h.CompleteAsync(first.Id, "approve")).Status);
        var summary = await h.Queries.GetDefinitionAsync("order");
        Assert.Equal(3, summary!.PublishedVersion);
        Assert.Equal([true, false, true], summary.Versions.Select(v => v.Published));
    }

    [SkippableFact]
    public async Task Publishing_a_draft_makes_it_the_one_new_instances_use()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("one"));
        await h.DeployAsync(Versioned("two"), publish: false);
        await h.Engine.PublishAsync("order", 2, EngineHarness.Admin);
        Assert.Equal(2, (await h.StartAsync("order")).Version);
    }

    [SkippableFact]
    public async Task Starter_roles_decide_who_may_start_and_admin_always_may()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("x", starterRoles: "Manager"));

        await Assert.ThrowsAsync<ForbiddenException>(() => h.StartAsync("order", caller: Erik));
        Assert.Equal("Running", (await h.StartAsync("order", caller: Anna)).Status);
        Assert.Equal("Running", (await h.StartAsync("order")).Status);
        Assert.Equal(2, (await h.Queries.ListInstancesAsync(new(), EngineHarness.Admin)).Count);
    }

    [SkippableFact]
    public async Task A_start_condition_lets_an_employee_start_only_for_themself_and_nothing_is_stored_when_refused()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Process("own", """
            <bpmn:startEvent id="start" /><bpmn:endEvent id="end" />
            """ + Chain("f", "start", "end"), "Employee,Manager").Replace(
            "isExecutable=\"true\"",
            "isExecutable=\"true\" rjh:startCondition=\"vars.employeeId === caller.userName || caller.roles.indexOf('Manager') &gt;= 0\""));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => h.StartAsync("own", new { employeeId = "maja.mobil" }, Erik));
        Assert.Contains("rjh:startCondition", refused.Message);
        Assert.Empty(await h.Queries.ListInstancesAsync(new(), EngineHarness.Admin));

        Assert.Equal("Completed", (await h.StartAsync("own", new { employeeId = Erik.UserName }, Erik)).Status);
        Assert.Equal("Completed", (await h.StartAsync("own", new { employeeId = "maja.mobil" }, Anna)).Status);
        Assert.Equal("Completed", (await h.StartAsync("own", new { employeeId = "maja.mobil" })).Status);
    }

    [SkippableFact]
    public async Task Only_process_owners_deploy()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.DeployAsync(Versioned("x"), true, Anna));
        Assert.Empty(await h.Queries.ListDefinitionsAsync());
    }

    [SkippableFact]
    public async Task A_task_is_completed_only_by_a_holder_of_its_roles_and_only_once()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("x"));
        var instance = await h.StartAsync("order", caller: Erik);
        var task = Assert.Single(await h.OpenTasksAsync(instance.Id));

        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.CompleteTaskAsync(task.Id, null, Erik));
        await h.Engine.CompleteTaskAsync(task.Id, new JsonObject { ["approved"] = true }, Anna);
        await Assert.ThrowsAsync<ConflictException>(() => h.Engine.CompleteTaskAsync(task.Id, null, Anna));
    }

    [SkippableFact]
    public async Task A_claimed_task_belongs_to_the_claimer()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("x"));
        var instance = await h.StartAsync("order");
        var task = Assert.Single(await h.OpenTasksAsync(instance.Id));
        var olle = new Caller("olle.chef", new HashSet<string> { "Manager" });

        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.ClaimTaskAsync(task.Id, Erik));
        Assert.Equal("anna.chef", (await h.Engine.ClaimTaskAsync(task.Id, Anna)).Assignee);
        await Assert.ThrowsAsync<ConflictException>(() => h.Engine.ClaimTaskAsync(task.Id, olle));
        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.CompleteTaskAsync(task.Id, null, olle));
        Assert.Empty(await h.Queries.ListTasksAsync(olle, null));
        Assert.Single(await h.Queries.ListTasksAsync(Anna, null));
    }

    [SkippableFact]
    public async Task Cancel_ends_the_instance_and_its_tasks_and_only_once()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("x"));
        var instance = await h.StartAsync("order", caller: Erik);

        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.CancelAsync(instance.Id, Anna));
        var cancelled = await h.Engine.CancelAsync(instance.Id, Erik);

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Empty(await h.OpenTasksAsync(instance.Id));
        await Assert.ThrowsAsync<ConflictException>(() => h.Engine.CancelAsync(instance.Id, Erik));
    }

    [SkippableFact]
    public async Task Twenty_parallel_completions_of_one_task_give_exactly_one_success()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Versioned("x"));
        var instance = await h.StartAsync("order");
        var task = Assert.Single(await h.OpenTasksAsync(instance.Id));

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try { await h.Engine.CompleteTaskAsync(task.Id, new JsonObject { ["by"] = i }, Anna); return "ok"; }
            catch (ConflictException) { return "conflict"; }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Equal(19, outcomes.Count(o => o == "conflict"));
        Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == "TaskCompleted");
        Assert.Equal("Completed", (await h.InstanceAsync(instance.Id)).Status);
    }

    [SkippableFact]
    public async Task Restart_on_the_same_database_continues_and_fires_overdue_timers_once()
    {
        Guid id;
        DateTimeOffset stoppedAt;
        var first = await EngineHarness.CreateAsync(kind);
        {
            var instance = await first.DeployAndStartAsync(Process("p", """<bpmn:startEvent id="start" />""" + UserTask("first") + """
                <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:scriptTask id="count"><bpmn:script>vars.fired = (vars.fired || 0) + 1;</bpmn:script></bpmn:scriptTask>
                """ + UserTask("last") + Chain("f", "start", "first", "wait", "count", "last")));
            id = instance.Id;
            await first.CompleteAsync(id, "first");
            stoppedAt = first.Clock.GetUtcNow();
        }
        await first.StopAsync();

        // A new engine, with new connections, on the database the first one left.
        await using var second = await EngineHarness.CreateAsync(first.Database);
        second.Clock.SetUtcNow(stoppedAt.AddHours(2));   // the timer fell due while nothing ran
        Assert.Equal(1, await second.Engine.FireDueTimersAsync());
        Assert.Equal(0, await second.Engine.FireDueTimersAsync());
        var resumed = await second.InstanceAsync(id);
        Assert.Equal(["last"], resumed.ActiveElements);
        Assert.Equal(1, resumed.Variables["fired"]!.GetValue<int>());
        Assert.Equal("Completed", (await second.CompleteAsync(id, "last")).Status);
    }

    [SkippableFact]
    public async Task Endless_loop_in_a_script_fails_that_step_within_two_seconds()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var watch = Stopwatch.StartNew();
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:scriptTask id="spin"><bpmn:script>while(true){}</bpmn:script></bpmn:scriptTask><bpmn:endEvent id="end" />
            """ + Chain("f", "start", "spin", "end")));
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("Faulted", instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("spin", incident.ElementId);
        Assert.Contains("stopped", incident.Error);
    }

    [SkippableTheory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("vars.constructor.constructor('return this')().System.Environment.Exit(1)")]
    [InlineData("require('fs')")]
    public async Task Expressions_cannot_reach_the_CLR(string expression)
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        var watch = Stopwatch.StartNew();
        var instance = await h.DeployAndStartAsync(Process("p", """<bpmn:startEvent id="start" />""" + Service("steal", "SetVariables", Input("loot", expression))
            + """<bpmn:endEvent id="end" />""" + Chain("f", "start", "steal", "end")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Equal("Faulted", instance.Status);
        Assert.Equal("steal", Assert.Single(instance.Incidents).ElementId);
        Assert.False(instance.Variables.ContainsKey("loot"));
    }
}
