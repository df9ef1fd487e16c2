using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>An outside call: runs as a job, records its idempotency keys, fails while told to.</summary>
[Activity("Test.Outside", Execution = ActivityExecution.Job)]
public sealed class OutsideActivity : IActivity
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();
    public static readonly ConcurrentDictionary<string, int> FailuresLeft = new();

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var run = context.Input("run")!.GetValue<string>();
        Calls.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        if (FailuresLeft.TryGetValue(run, out var left) && left > 0)
        {
            FailuresLeft[run] = left - 1;
            throw new HttpRequestException("MDM answered 503");
        }
        if (context.Input("error") is { } code) throw new BpmnErrorException(code.GetValue<string>());
        return Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["serial"] = "SN-" + run, ["businessKey"] = context.BusinessKey }));
    }
}

/// <summary>Runs only from the time in its input <c>until</c> on; before that it asks to be deferred.</summary>
[Activity("Test.Deferring", Execution = ActivityExecution.Job)]
public sealed class DeferringActivity(TimeProvider time) : IActivity
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        Calls.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        var until = DateTimeOffset.Parse(context.Input("until")!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        if (time.GetUtcNow() < until) throw new ActivityDeferredException(until, "outside working hours");
        return Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["sentAt"] = time.GetUtcNow().ToString("O") }));
    }
}

public abstract class JobTests(DatabaseKind kind)
{
    public sealed class Sqlite() : JobTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : JobTests(DatabaseKind.PostgreSql);

    private static string Flow(string run, string extraInput = "", string boundary = "") => Process("p", $"""
        <bpmn:startEvent id="start" />
        {Service("enrol", "Test.Outside", Input("run", $"'{run}'") + extraInput, Output("serial", "result.serial") + Output("applied", "(vars.applied || 0) + 1"))}
        {boundary}
        {UserTask("after")}
        """ + Chain("f", "start", "enrol", "after"));

    private Task<EngineHarness> Harness() => EngineHarness.CreateAsync(kind, s => s.AddActivity<OutsideActivity>().AddActivity<DeferringActivity>());

    [SkippableFact]
    public async Task A_deferred_job_rests_on_a_timer_that_survives_recovery_then_runs_once_with_the_same_key()
    {
        await using var h = await Harness();
        var until = h.Clock.GetUtcNow().AddHours(14);
        var instance = await h.DeployAndStartAsync(Process("d", $"""
            <bpmn:startEvent id="start" />
            {Service("mail", "Test.Deferring", Input("until", $"'{until:O}'"), Output("sentAt", "result.sentAt"))}
            {UserTask("after")}
            """ + Chain("f", "start", "mail", "after")));

        Assert.Equal(1, await h.RunJobsAsync());
        Assert.Empty(await h.Store.ListPendingJobsAsync(10));
        var journal = await h.JournalAsync(instance.Id);
        var deferred = Assert.Single(journal, e => e.Kind == "JobDeferred");
        Assert.Contains(until.ToString("O"), deferred.Detail);
        Assert.Equal(["mail"], (await h.InstanceAsync(instance.Id)).ActiveElements);

        // A restart's recovery leaves the resting job alone; its timer is the poller's.
        foreach (var service in h.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "OutboxRecovery"))
            await service.StartAsync(CancellationToken.None);
        Assert.Empty(h.Dispatcher.Jobs);

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(13)));
        Assert.Empty(h.Dispatcher.Jobs);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal(1, await h.RunJobsAsync());

        var after = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], after.ActiveElements);
        Assert.Equal(until, DateTimeOffset.Parse(after.Variables["sentAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var key = Assert.Single(DeferringActivity.Calls.Keys, k => k.StartsWith(instance.Id.ToString("N")));
        Assert.Equal(2, DeferringActivity.Calls[key]);
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(1)));
    }

    [SkippableFact]
    public async Task A_job_activity_knows_its_instances_business_key()
    {
        await using var h = await Harness();
        await h.DeployAsync(Process("k", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Test.Outside", Input("run", $"'{Guid.NewGuid()}'"), Output("seenKey", "result.businessKey"))}
            {UserTask("after")}
            """ + Chain("f", "start", "enrol", "after")));
        var instance = await h.StartAsync("k", businessKey: "ORD-4711");

        Assert.Equal(1, await h.RunJobsAsync());

        Assert.Equal("ORD-4711", (await h.InstanceAsync(instance.Id)).Variables["seenKey"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_job_activity_waits_in_the_outbox_until_the_job_runs_then_applies_its_result()
    {
        await using var h = await Harness();
        var run = Guid.NewGuid().ToString();
        var instance = await h.DeployAndStartAsync(Flow(run));

        Assert.Equal(["enrol"], instance.ActiveElements);
        var (jobId, _) = Assert.Single(h.Dispatcher.Jobs);
        Assert.Equal(JobStatus.Pending, (await h.Store.FindJobToRunAsync(jobId))!.Job.Status);
        Assert.DoesNotContain(OutsideActivity.Calls.Keys, k => k.StartsWith(instance.Id.ToString("N")));

        Assert.Equal(1, await h.RunJobsAsync());

        var after = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], after.ActiveElements);
        Assert.Equal("SN-" + run, after.Variables["serial"]!.GetValue<string>());
        Assert.Equal(JobStatus.Completed, (await h.Store.FindJobToRunAsync(jobId))!.Job.Status);
    }

    [SkippableFact]
    public async Task A_job_delivered_twice_at_once_advances_the_instance_once()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Flow(Guid.NewGuid().ToString()));
        var (jobId, _) = Assert.Single(h.Dispatcher.Jobs);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Jobs.RunJobAsync(jobId))));
        await h.Jobs.RunJobAsync(jobId);

        var after = await h.InstanceAsync(instance.Id);
        Assert.Equal(1, after.Variables["applied"]!.GetValue<int>());
        Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == "JobCompleted");
        Assert.Single(await h.OpenTasksAsync(instance.Id));
    }

    [SkippableFact]
    public async Task A_failing_job_is_retried_with_back_off_then_gets_an_incident_that_a_retry_completes()
    {
        await using var h = await Harness();
        var run = Guid.NewGuid().ToString();
        OutsideActivity.FailuresLeft[run] = 4;
        using var failures = new EngineMeasurements<long>("rjh.engine.job.attempts.failed");
        var instance = await h.DeployAndStartAsync(Flow(run));

        Assert.Equal(1, await h.RunJobsAsync());                 // attempt 1 fails
        Assert.Equal(0, await h.RunJobsAsync());                 // not before 10 s
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await h.RunJobsAsync());                 // attempt 2 fails, next after 20 s
        await h.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await h.RunJobsAsync());
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await h.RunJobsAsync());                 // attempt 3 fails: out of attempts

        var faulted = await h.InstanceAsync(instance.Id);
        Assert.Equal("Faulted", faulted.Status);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal("enrol", incident.ElementId);
        Assert.Equal(3, incident.Attempts);
        Assert.Contains("503", incident.Error);
        Assert.Equal(2, (await h.JournalAsync(instance.Id)).Count(j => j.Kind == "JobRetryScheduled"));
        // Each failed attempt is counted for the operators' metrics (other tests' failures may add to the count).
        var counted = failures.ValuesTagged("rjh.activity", "Test.Outside").Sum();
        Assert.True(counted >= 3, $"{counted} failed attempts counted");

        await h.Engine.RetryIncidentAsync(incident.Id, null, EngineHarness.Admin);   // attempt 4 fails, 5 succeeds
        await h.RunJobsAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.RunJobsAsync();

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal("Running", done.Status);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.NotNull(Assert.Single(done.Incidents).ResolvedAt);
        await Assert.ThrowsAsync<ConflictException>(() => h.Engine.RetryIncidentAsync(incident.Id, null, EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task A_job_retried_with_changed_variables_runs_with_inputs_read_from_them()
    {
        await using var h = await Harness();
        var (broken, repaired) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        OutsideActivity.FailuresLeft[broken] = 100;
        var instance = await h.DeployAndStartAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Test.Outside", Input("run", "vars.run"), Output("serial", "result.serial"))}
            {UserTask("after")}
            """ + Chain("f", "start", "enrol", "after")), new { run = broken });
        for (var i = 0; i < 3; i++) { await h.RunJobsAsync(); await h.AdvanceAsync(TimeSpan.FromMinutes(1)); }
        var incident = Assert.Single((await h.InstanceAsync(instance.Id)).Incidents);

        await h.Engine.RetryIncidentAsync(incident.Id, new JsonObject { ["run"] = repaired }, EngineHarness.Admin);
        await h.RunJobsAsync();

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.Equal("SN-" + repaired, done.Variables["serial"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Resolving_an_incident_by_hand_moves_the_instance_on_with_the_given_variables()
    {
        await using var h = await Harness();
        var run = Guid.NewGuid().ToString();
        OutsideActivity.FailuresLeft[run] = 100;
        var instance = await h.DeployAndStartAsync(Flow(run));
        for (var i = 0; i < 3; i++) { await h.RunJobsAsync(); await h.AdvanceAsync(TimeSpan.FromMinutes(1)); }
        var incident = Assert.Single((await h.InstanceAsync(instance.Id)).Incidents);

        var erik = new Caller("erik.anstalld", new HashSet<string> { "Employee" });
        await Assert.ThrowsAsync<ForbiddenException>(() => h.Engine.ResolveIncidentAsync(incident.Id, null, erik));
        var resolved = await h.Engine.ResolveIncidentAsync(incident.Id, new JsonObject { ["serial"] = "by hand" }, EngineHarness.Admin);

        Assert.Equal("Running", resolved.Status);
        Assert.Equal(["after"], resolved.ActiveElements);
        Assert.Equal("by hand", resolved.Variables["serial"]!.GetValue<string>());
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task A_failed_inline_step_is_retried_with_changed_variables()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" />
            """ + UserTask("yes") + Bpmn.Flow("f0", "start", "gw") + Bpmn.Flow("f1", "gw", "yes", "vars.ok === true")), new { ok = false });
        var incident = Assert.Single(instance.Incidents);
        Assert.Single(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));

        var retried = await h.Engine.RetryIncidentAsync(incident.Id, new JsonObject { ["ok"] = true }, EngineHarness.Admin);

        Assert.Equal("Running", retried.Status);
        Assert.Equal(["yes"], retried.ActiveElements);
    }

    [SkippableFact]
    public async Task A_BPMN_error_from_a_job_is_caught_by_its_boundary()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Flow(Guid.NewGuid().ToString(), Input("error", "'NotEnrollable'"),
            """<bpmn:boundaryEvent id="err" attachedToRef="enrol"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>"""
            + UserTask("manual") + Bpmn.Flow("g", "err", "manual")));

        await h.RunJobsAsync();

        Assert.Equal(["manual"], (await h.InstanceAsync(instance.Id)).ActiveElements);
    }

    [SkippableFact]
    public async Task On_start_every_pending_job_is_dispatched_again_and_a_timer_left_to_the_poller()
    {
        await using var h = await Harness();
        await h.DeployAsync(Flow(Guid.NewGuid().ToString()));
        var started = new[] { await h.StartAsync("p"), await h.StartAsync("p") };
        await h.DeployAsync(Process("t", """
            <bpmn:startEvent id="s" /><bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """ + Chain("g", "s", "w")));
        await h.StartAsync("t");
        h.Dispatcher.Jobs.Clear();

        foreach (var service in h.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "OutboxRecovery"))
            await service.StartAsync(CancellationToken.None);

        Assert.Equal(2, h.Dispatcher.Jobs.Count);
        Assert.Equal(2, await h.RunJobsAsync());
        foreach (var instance in started) Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
    }

    [SkippableFact]
    public async Task A_job_left_pending_too_long_is_dispatched_again_and_applied_once()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Flow(Guid.NewGuid().ToString()));
        h.Dispatcher.Jobs.Clear();   // the hand-over after commit was lost
        var sweeper = h.Services.GetRequiredService<RJH.DeviceWorkflows.Engine.Runtime.Jobs.OutboxSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));   // not stale yet
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(1, await h.RunJobsAsync());

        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElements);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_message_and_a_task_completion_racing_on_one_instance_both_land()
    {
        await using var h = await Harness();
        await h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" /><bpmn:parallelGateway id="join" />
            <bpmn:intermediateCatchEvent id="msg" rjh:correlationKey="vars.key"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            """ + UserTask("task") + UserTask("after") + Bpmn.Flow("f0", "start", "fork") + Bpmn.Flow("f1", "fork", "task") + Bpmn.Flow("f2", "fork", "msg")
                + Bpmn.Flow("f3", "task", "join") + Bpmn.Flow("f4", "msg", "join") + Bpmn.Flow("f5", "join", "after"),
            extraRoot: """<bpmn:message id="m" name="ping" />"""));
        var instances = new List<InstanceView>();
        for (var i = 0; i < 10; i++) instances.Add(await h.StartAsync("p", new { key = "k" + i }));

        await Task.WhenAll(instances.SelectMany((instance, i) => new Task[]
        {
            Task.Run(async () => await h.CompleteAsync(instance.Id, "task", new { fromTask = true })),
            Task.Run(async () => await h.Engine.CorrelateMessageAsync("ping", "k" + i, new JsonObject { ["fromMessage"] = true }, EngineHarness.Admin)),
        }));

        foreach (var instance in instances)
        {
            var after = await h.InstanceAsync(instance.Id);
            Assert.Equal(["after"], after.ActiveElements);
            Assert.True(after.Variables["fromTask"]!.GetValue<bool>());
            Assert.True(after.Variables["fromMessage"]!.GetValue<bool>());
        }
    }
}
