using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Support.Processes;

namespace RJH.DeviceWorkflows.Host.Tests.Api;

/// <summary>
/// The API under bad input, races, a restart and hostile scripts: each structural fault is refused naming its
/// element, twenty simultaneous completions of one task let exactly one through, a timer that fell due while the
/// host was down fires once after the restart, and a script that breaks its sandbox faults only its step.
/// </summary>
public sealed class ApiRobustnessTests(HostFactory factory) : IClassFixture<HostFactory>
{
    /// <summary>Each fault: the BPMN, the process key it would have stored, the element the error must name.</summary>
    private static readonly Dictionary<string, (string Xml, string Key, string? ElementId)> Faults = new()
    {
        ["no start event"] = (Process("fault-no-start", """
            <bpmn:userTask id="Task_Only" rjh:candidateRoles="Employee" />
            <bpmn:endEvent id="End_1" />
            """ + Chain("Task_Only", "End_1")), "fault-no-start", "fault-no-start"),
        ["flow to a missing target"] = (Process("fault-dangling", """
            <bpmn:startEvent id="Start_1" />
            <bpmn:endEvent id="End_1" />
            <bpmn:sequenceFlow id="Flow_Dangling" sourceRef="Start_1" targetRef="Task_Nowhere" />
            """ + Chain("Start_1", "End_1")), "fault-dangling", "Flow_Dangling"),
        ["gateway without conditions or default"] = (Process("fault-gateway", """
            <bpmn:startEvent id="Start_1" />
            <bpmn:exclusiveGateway id="Gateway_Choose" />
            <bpmn:endEvent id="End_A" />
            <bpmn:endEvent id="End_B" />
            <bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway_Choose" targetRef="End_A" />
            <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway_Choose" targetRef="End_B" />
            """ + Chain("Start_1", "Gateway_Choose")), "fault-gateway", "Gateway_Choose"),
        ["element no path reaches"] = (Process("fault-unreachable", """
            <bpmn:startEvent id="Start_1" />
            <bpmn:endEvent id="End_1" />
            <bpmn:userTask id="Task_Orphan" rjh:candidateRoles="Employee" />
            <bpmn:sequenceFlow id="Flow_Orphan" sourceRef="Task_Orphan" targetRef="End_1" />
            """ + Chain("Start_1", "End_1")), "fault-unreachable", "Task_Orphan"),
        ["malformed XML"] = (Bpmn.Malformed, "broken", null),
        ["unsupported element"] = (Bpmn.UnsupportedElement, "bad-complex", "Gateway_Complex"),
    };

    public static TheoryData<string> FaultNames => [.. Faults.Keys];

    [Theory]
    [MemberData(nameof(FaultNames))]
    public async Task A_structural_fault_is_400_naming_the_element_and_line_and_nothing_is_stored(string fault)
    {
        var (xml, key, elementId) = Faults[fault];
        using var owner = await factory.ClientFor("process.owner");

        var response = await owner.PostAsync("/api/definitions?publish=true", HostFactoryExtensions.Xml(xml));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Contains(errors, e => e["elementId"]?.GetValue<string>() == elementId
                                     && e["line"]!.GetValue<int>() > 0
                                     && !string.IsNullOrWhiteSpace(e["message"]!.GetValue<string>()));
        var stored = await HttpAssert.ArrayAsync(await owner.GetAsync("/api/definitions"));
        Assert.DoesNotContain(stored, d => d!["key"]!.GetValue<string>() == key);
        await HttpAssert.ProblemAsync(await owner.GetAsync($"/api/definitions/{key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Twenty_simultaneous_completions_of_one_task_let_exactly_one_through()
    {
        await factory.DeployAsync(Bpmn.ManagerApproval);
        using var anna = await factory.ClientFor("anna.chef");
        var instance = await anna.StartInstanceAsync("manager-approval", new { amount = 10 });
        var task = Assert.Single(await HttpAssert.ArrayAsync(await anna.GetAsync($"/api/tasks?instanceId={instance["id"]}")))!;

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await anna.PostAsync($"/api/tasks/{task["id"]}/complete", null);
            return response.StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(attempts);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        using var admin = await factory.ClientFor("admin");
        var journal = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/instances/{instance["id"]}/journal"));
        Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "TaskCompleted");
        var after = await HttpAssert.StatusAsync(await admin.GetAsync($"/api/instances/{instance["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Completed", after!.Status());
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_host_was_down_fires_once_after_the_restart()
    {
        var directory = HostFactory.NewDirectory();
        try
        {
            string id;
            DateTimeOffset dueBy;
            await using (var first = HostFactory.With(directory))
            {
                await first.DeployAsync(Process("review-then-wait", $"""
                    <bpmn:startEvent id="Start_1" />
                    <bpmn:userTask id="Task_Review" rjh:candidateRoles="Employee" />
                    <bpmn:intermediateCatchEvent id="Timer_Wait">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>PT3S</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:endEvent id="End_1" />
                    {Chain("Start_1", "Task_Review", "Timer_Wait", "End_1")}
                    """));
                using var erik = await first.ClientFor("erik.anstalld");
                var instance = await erik.StartInstanceAsync("review-then-wait");
                id = instance["id"]!.GetValue<string>();
                var task = Assert.Single(await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/tasks?instanceId={id}")))!;
                await HttpAssert.StatusAsync(await erik.PostAsync($"/api/tasks/{task["id"]}/complete", null), HttpStatusCode.OK);
                dueBy = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3);
                var waiting = await HttpAssert.StatusAsync(await erik.GetAsync($"/api/instances/{id}"), HttpStatusCode.OK);
                Assert.Equal(["Timer_Wait"], waiting!["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()));
            }
            var stoppedAt = DateTimeOffset.UtcNow;
            Assert.True(stoppedAt < dueBy, "The host took too long to stop; the timer may have fired before the restart.");
            await Task.Delay(dueBy - stoppedAt + TimeSpan.FromMilliseconds(500));

            await using var second = HostFactory.With(directory);
            using var admin = await second.ClientFor("admin");
            var done = await admin.WaitForInstanceAsync(id, i => i.Status() == "Completed");

            Assert.Empty(done["activeElements"]!.AsArray());
            var journal = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/instances/{id}/journal"));
            var fired = Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "TimerFired")!;
            Assert.True(fired["at"]!.GetValue<DateTimeOffset>() > stoppedAt, "The timer fired before the host stopped.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("sandbox-endless-loop", "while(true){}")]
    // Issue 13, hole 9: a catastrophic regex ran for Jint's own 10 s default before the script limit applied to it.
    [InlineData("sandbox-catastrophic-regex", "vars.m = /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');")]
    [InlineData("sandbox-clr-access", "var io = importNamespace('System.IO'); vars.loot = io.File.ReadAllText('/etc/passwd');")]
    public async Task A_script_that_breaches_the_sandbox_faults_its_step_with_an_incident_within_two_seconds(string key, string script)
    {
        await factory.DeployAsync(Process(key, $"""
            <bpmn:startEvent id="Start_1" />
            <bpmn:scriptTask id="Script_Breach" scriptFormat="javascript"><bpmn:script>{System.Security.SecurityElement.Escape(script)}</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="End_1" />
            {Chain("Start_1", "Script_Breach", "End_1")}
            """));
        using var erik = await factory.ClientFor("erik.anstalld");

        var watch = Stopwatch.StartNew();
        var instance = await erik.StartInstanceAsync(key);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("Faulted", instance.Status());
        Assert.Null(instance["variables"]!["loot"]);
        var incident = Assert.IsType<JsonObject>(Assert.Single(instance["incidents"]!.AsArray()));
        Assert.Equal("Script_Breach", incident["elementId"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(incident["error"]!.GetValue<string>()));
        using var admin = await factory.ClientFor("admin");
        Assert.Contains(await HttpAssert.ArrayAsync(await admin.GetAsync("/api/incidents")),
            i => i!["id"]!.GetValue<Guid>() == incident["id"]!.GetValue<Guid>());
    }
}
