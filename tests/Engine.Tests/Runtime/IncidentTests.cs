using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Raises <c>invalid-device</c> unless its input <c>imei</c> has 15 digits, as procure-device's check does.</summary>
[Activity("Test.CheckImei")]
public sealed class CheckImeiActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var imei = context.Input("imei")?.ToString() ?? "";
        if (imei.Length != 15 || !imei.All(char.IsAsciiDigit)) throw new BpmnErrorException("invalid-device", "The IMEI is not 15 digits.");
        return Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["checked"] = imei }));
    }
}

/// <summary>A job whose outside call never answers (and ignores cancellation) while <see cref="HangsLeft"/> says so.</summary>
[Activity("Test.Hanging", Execution = ActivityExecution.Job)]
public sealed class HangingActivity : IActivity
{
    public static readonly ConcurrentDictionary<string, int> HangsLeft = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Started = new();

    /// <summary>Completes once the call of the run has begun.</summary>
    public static Task StartedFor(string run) =>
        Started.GetOrAdd(run, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var run = context.Input("run")!.GetValue<string>();
        StartedFor(run);
        Started[run].TrySetResult();
        if (HangsLeft.TryGetValue(run, out var left) && left > 0)
        {
            HangsLeft[run] = left - 1;
            return new TaskCompletionSource<ActivityResult>().Task;
        }
        return Task.FromResult(new ActivityResult(new Dictionary<string, JsonNode?> { ["answer"] = "late but fine" }));
    }
}

/// <summary>
/// Incidents can always be acted on: an uncaught error leaves the token at its element with an incident that
/// retry, resolve or cancel settles; a called instance's incident shows on the call activity.
/// </summary>
public abstract class IncidentTests(DatabaseKind kind)
{
    public sealed class Sqlite() : IncidentTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : IncidentTests(DatabaseKind.PostgreSql);

    private const string GoodImei = "356938035643809";

    private Task<EngineHarness> Harness(Action<IServiceCollection>? more = null) => EngineHarness.CreateAsync(kind, s =>
    {
        s.AddActivity<CheckImeiActivity>().AddActivity<HangingActivity>();
        more?.Invoke(s);
    });

    private static string Procure(string key = "procure") => Process(key, $"""
        <bpmn:startEvent id="start" />
        {Service("check", "Test.CheckImei", Input("imei", "vars.imei"), Output("checked", "result.checked"))}
        {UserTask("deliver")}
        <bpmn:endEvent id="end" />
        """ + Chain("f", "start", "check", "deliver", "end"));

    [SkippableFact]
    public async Task An_uncaught_error_waits_at_its_element_and_a_retry_with_a_corrected_variable_takes_the_intended_path()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Procure(), new { imei = "12345" });

        Assert.Equal("Faulted", instance.Status);
        Assert.Null(instance.EndedAt);
        Assert.Equal(["check"], instance.ActiveElements);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("check", incident.ElementId);
        Assert.Equal("invalid-device", incident.ErrorCode);
        Assert.Contains("'invalid-device'", incident.Error);
        Assert.Contains("not 15 digits", incident.Error);
        Assert.Single(await h.Queries.ListIncidentsAsync(EngineHarness.Admin), i => i.Id == incident.Id);

        var retried = await h.Engine.RetryIncidentAsync(incident.Id, new JsonObject { ["imei"] = GoodImei }, EngineHarness.Admin);

        Assert.Equal("Running", retried.Status);
        Assert.Equal(["deliver"], retried.ActiveElements);
        Assert.Equal(GoodImei, retried.Variables["checked"]!.GetValue<string>());
        Assert.NotNull(Assert.Single(retried.Incidents).ResolvedAt);
        Assert.Equal("Completed", (await h.CompleteAsync(instance.Id, "deliver")).Status);
        Assert.Contains(await h.JournalAsync(instance.Id), e => e.Kind == "IncidentRetried" && e.ElementId == "check");
    }

    [SkippableFact]
    public async Task A_retry_that_fails_again_raises_a_new_incident_at_the_same_element()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Procure(), new { imei = "12345" });

        var again = await h.Engine.RetryIncidentAsync(Assert.Single(instance.Incidents).Id, null, EngineHarness.Admin);

        Assert.Equal("Faulted", again.Status);
        Assert.Equal(["check"], again.ActiveElements);
        Assert.Equal(2, again.Incidents.Count);
        Assert.Single(again.Incidents, i => i.ResolvedAt is null);
    }

    [SkippableFact]
    public async Task Resolving_an_uncaught_error_counts_the_element_as_done_and_moves_on()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Procure(), new { imei = "12345" });

        var resolved = await h.Engine.ResolveIncidentAsync(Assert.Single(instance.Incidents).Id,
            new JsonObject { ["checked"] = "by hand" }, EngineHarness.Admin);

        Assert.Equal("Running", resolved.Status);
        Assert.Equal(["deliver"], resolved.ActiveElements);
        Assert.Equal("by hand", resolved.Variables["checked"]!.GetValue<string>());
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task Cancelling_an_instance_with_an_incident_ends_it_and_closes_the_incident()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Procure(), new { imei = "12345" });
        var incident = Assert.Single(instance.Incidents);

        var cancelled = await h.Engine.CancelAsync(instance.Id, EngineHarness.Admin);

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.NotNull(cancelled.EndedAt);
        Assert.NotNull(Assert.Single(cancelled.Incidents).ResolvedAt);
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));
        await Assert.ThrowsAsync<ConflictException>(() => h.Engine.RetryIncidentAsync(incident.Id, null, EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task An_error_a_job_raises_uncaught_is_retried_as_a_new_job_with_the_changed_variables()
    {
        await using var h = await Harness(s => s.AddActivity<OutsideActivity>());
        var run = Guid.NewGuid().ToString();
        var instance = await h.DeployAndStartAsync(Process("j", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Test.Outside", Input("run", $"'{run}'") + Input("error", "vars.code"), Output("serial", "result.serial"))}
            {UserTask("after")}
            """ + Chain("f", "start", "enrol", "after")), new { code = "no-stock" });
        await h.RunJobsAsync();
        var faulted = await h.InstanceAsync(instance.Id);
        Assert.Equal(["enrol"], faulted.ActiveElements);
        Assert.Contains("'no-stock'", Assert.Single(faulted.Incidents).Error);

        await h.Engine.RetryIncidentAsync(faulted.Incidents[0].Id, new JsonObject { ["code"] = null }, EngineHarness.Admin);
        Assert.Equal(1, await h.RunJobsAsync());

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.Equal("SN-" + run, done.Variables["serial"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_uncaught_error_in_one_branch_leaves_the_others_running_and_the_instance_open_until_it_is_settled()
    {
        await using var h = await Harness();
        var instance = await h.DeployAndStartAsync(Process("p", """
            <bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />
            """ + UserTask("other") + """
            <bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:endEvent>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "other") + Flow("f2", "fork", "boom"),
            extraRoot: """<bpmn:error id="e1" errorCode="Broken" />"""));

        Assert.Equal("Faulted", instance.Status);
        Assert.Equal(["other", "boom"], instance.ActiveElements.Order().Reverse());
        var afterOther = await h.CompleteAsync(instance.Id, "other");
        Assert.Equal("Faulted", afterOther.Status);
        Assert.Null(afterOther.EndedAt);

        var resolved = await h.Engine.ResolveIncidentAsync(Assert.Single(instance.Incidents).Id, null, EngineHarness.Admin);
        Assert.Equal("Completed", resolved.Status);
    }

    [SkippableFact]
    public async Task A_called_instance_s_uncaught_error_shows_on_the_parent_s_call_activity_and_a_retry_there_fixes_both()
    {
        await using var h = await Harness();
        await h.DeployAsync(Procure("child"));
        var parent = await h.DeployAndStartAsync(Process("parent", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="child" />
            """ + UserTask("after") + Chain("p", "ps", "call", "after")), new { imei = "12345" });

        var child = Assert.Single(await h.Queries.ListInstancesAsync(new(DefinitionKey: "child"), EngineHarness.Admin));
        Assert.Equal("Faulted", child.Status);
        Assert.Null(child.EndedAt);
        Assert.Equal("check", Assert.Single(child.Incidents).ElementId);
        Assert.Equal("Faulted", parent.Status);
        Assert.Equal(["call"], parent.ActiveElements);
        var shown = Assert.Single(parent.Incidents);
        Assert.Equal("call", shown.ElementId);
        Assert.Equal("invalid-device", shown.ErrorCode);
        Assert.Contains(child.Id.ToString(), shown.Error);
        Assert.Contains("invalid-device", shown.Error);
        var listed = await h.Queries.ListIncidentsAsync(EngineHarness.Admin);
        Assert.Contains(listed, i => i.InstanceId == parent.Id && i.ElementId == "call" && i.ErrorCode == "invalid-device");
        Assert.Contains(listed, i => i.InstanceId == child.Id && i.ElementId == "check");

        await h.Engine.RetryIncidentAsync(shown.Id, new JsonObject { ["imei"] = GoodImei }, EngineHarness.Admin);

        var childAfter = await h.InstanceAsync(child.Id);
        Assert.Equal(["deliver"], childAfter.ActiveElements);
        Assert.Equal("Running", childAfter.Status);
        var parentAfter = await h.InstanceAsync(parent.Id);
        Assert.Equal("Running", parentAfter.Status);
        Assert.NotNull(Assert.Single(parentAfter.Incidents).ResolvedAt);
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));

        await h.CompleteAsync(child.Id, "deliver");
        var done = await h.InstanceAsync(parent.Id);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.Equal(GoodImei, done.Variables["checked"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Resolving_the_child_s_own_incident_closes_the_one_on_the_call_activity()
    {
        await using var h = await Harness();
        await h.DeployAsync(Procure("child"));
        var parent = await h.DeployAndStartAsync(Process("parent", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="child" />
            """ + UserTask("after") + Chain("p", "ps", "call", "after")), new { imei = "12345" });
        var child = Assert.Single(await h.Queries.ListInstancesAsync(new(DefinitionKey: "child"), EngineHarness.Admin));

        await h.Engine.ResolveIncidentAsync(Assert.Single(child.Incidents).Id, null, EngineHarness.Admin);

        Assert.Equal("Running", (await h.InstanceAsync(parent.Id)).Status);
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task Cancelling_a_called_instance_gives_the_call_activity_an_incident_that_a_resolve_moves_past()
    {
        await using var h = await Harness();
        await h.DeployAsync(Procure("child"));
        var parent = await h.DeployAndStartAsync(Process("parent", """
            <bpmn:startEvent id="ps" /><bpmn:callActivity id="call" calledElement="child" />
            """ + UserTask("after") + Chain("p", "ps", "call", "after")), new { imei = "12345" });
        var child = Assert.Single(await h.Queries.ListInstancesAsync(new(DefinitionKey: "child"), EngineHarness.Admin));

        await h.Engine.CancelAsync(child.Id, EngineHarness.Admin);

        var waiting = await h.InstanceAsync(parent.Id);
        Assert.Equal("Faulted", waiting.Status);
        var open = Assert.Single(waiting.Incidents, i => i.ResolvedAt is null);
        Assert.Contains("cancelled", open.Error);
        var resolved = await h.Engine.ResolveIncidentAsync(open.Id, null, EngineHarness.Admin);
        Assert.Equal(["after"], resolved.ActiveElements);
        Assert.Empty(await h.Queries.ListIncidentsAsync(EngineHarness.Admin));
    }

    [SkippableFact]
    public async Task A_job_that_hangs_past_its_time_limit_counts_as_a_failed_attempt_and_is_retried()
    {
        await using var h = await Harness(s => s.Configure<JobOptions>(o =>
            o.Activities["Test.Hanging"] = new ActivityRetry { Timeout = TimeSpan.FromSeconds(30) }));
        var run = Guid.NewGuid().ToString();
        HangingActivity.HangsLeft[run] = 1;
        var instance = await h.DeployAndStartAsync(Process("h", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Test.Hanging", Input("run", $"'{run}'"), Output("answer", "result.answer"))}
            {UserTask("after")}
            """ + Chain("f", "start", "enrol", "after")));
        var (jobId, _) = Assert.Single(h.Dispatcher.Jobs);
        h.Dispatcher.Jobs.Clear();

        var started = HangingActivity.StartedFor(run);
        var attempt = h.Jobs.RunJobAsync(jobId);
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        h.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(attempt.IsCompleted);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await attempt.WaitAsync(TimeSpan.FromSeconds(10));

        var retry = Assert.Single((await h.JournalAsync(instance.Id)), e => e.Kind == "JobRetryScheduled");
        Assert.Contains("attempt 1", retry.Detail);
        Assert.Equal(["enrol"], (await h.InstanceAsync(instance.Id)).ActiveElements);

        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await h.RunJobsAsync());
        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.Equal("late but fine", done.Variables["answer"]!.GetValue<string>());
    }

    [Fact]
    public void The_time_limit_is_the_activity_type_s_own_or_the_default()
    {
        var options = new JobOptions { Timeout = TimeSpan.FromSeconds(90) };
        options.Activities["Mdm.Wipe"] = new ActivityRetry { Timeout = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromMinutes(5), options.TimeoutFor("Mdm.Wipe"));
        Assert.Equal(TimeSpan.FromSeconds(90), options.TimeoutFor("Telephony.Order"));
    }
}
