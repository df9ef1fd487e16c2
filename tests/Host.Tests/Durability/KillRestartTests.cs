using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Durability;

/// <summary>
/// Kill -9 the host while 500 instances are mid-flight (jobs queued, timers pending), start it again on the same
/// database — a SQLite file with Hangfire's in-memory storage, or PostgreSQL with Hangfire's PostgreSQL storage, as
/// production runs it: every instance completes and every side effect was applied exactly once.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class KillRestartTests : IDisposable
{
    private const int Instances = 500;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rjh-kill-" + Guid.NewGuid().ToString("N"));

    internal const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="t">
          <bpmn:process id="durable" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="enrol" rjh:activity="Test.SideEffect"><bpmn:extensionElements>
              <rjh:input name="ms" expression="5" /><rjh:output name="keys" expression="(vars.keys || []).concat([result.key])" />
            </bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="activate" rjh:activity="Test.SideEffect"><bpmn:extensionElements>
              <rjh:input name="ms" expression="5" /><rjh:output name="keys" expression="(vars.keys || []).concat([result.key])" />
            </bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="enrol" />
            <bpmn:sequenceFlow id="f2" sourceRef="enrol" targetRef="wait" />
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="activate" />
            <bpmn:sequenceFlow id="f4" sourceRef="activate" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Every_instance_completes_and_every_side_effect_is_applied_once_after_kill_9(string provider)
    {
        Directory.CreateDirectory(directory);
        var sideEffects = Path.Combine(directory, "side-effects.log");
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
            ["Testing:SideEffectLog"] = sideEffects,
            ["Engine:Jobs:BaseDelay"] = "00:00:00.200",
        };
        string? database = null;
        if (provider == "PostgreSql")
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            database = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Default"] = database;
        }
        else
        {
            settings["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "rjh.db")}";
        }
        try
        {
            await KillAndRestartAsync(settings, sideEffects);
        }
        finally
        {
            if (database is not null) await (await PostgresCluster.GetAsync()).DropDatabaseAsync(database);
        }
    }

    private static async Task KillAndRestartAsync(Dictionary<string, string> settings, string sideEffects)
    {

        var ids = new List<Guid>();
        await using (var first = await HostProcess.StartAsync(settings))
        {
            var admin = await first.ClientForAsync("admin");
            (await admin.PostAsync("/api/definitions?publish=true", new StringContent(Model, System.Text.Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
            using var gate = new SemaphoreSlim(8);
            var starts = Enumerable.Range(0, Instances).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "durable", businessKey = $"K{i}" });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
                    lock (ids) ids.Add(id);
                }
                finally { gate.Release(); }
            });
            await Task.WhenAll(starts);
            await Task.Delay(TimeSpan.FromSeconds(1));   // some jobs done, some queued, timers pending
            first.Kill();
        }
        var before = await File.ReadAllLinesAsync(sideEffects);
        Assert.True(before.Length < 2 * Instances, "the kill came too late to interrupt anything");

        await using var second = await HostProcess.StartAsync(settings);
        var client = await second.ClientForAsync("admin");
        var done = await CompletedInstances.WaitForAsync(client, "/api/instances?definitionKey=durable&status=Completed", Instances);

        Assert.Equal(Instances, done.Count);
        var calls = (await File.ReadAllLinesAsync(sideEffects)).Where(l => l.Length > 0).ToHashSet();
        foreach (var instance in done)
        {
            var keys = instance["variables"]!["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
            Assert.Equal(2, keys.Count);                   // each step applied once
            Assert.Equal(2, keys.Distinct().Count());
            Assert.All(keys, k => Assert.Contains(k, calls));
        }
        var sample = done[0]["id"]!.GetValue<Guid>();
        var journal = (await client.GetFromJsonAsync<List<JsonObject>>($"/api/instances/{sample}/journal"))!;
        Assert.Equal(2, journal.Count(j => j["kind"]!.GetValue<string>() == "JobCompleted"));
        Assert.Single(journal, j => j["kind"]!.GetValue<string>() == "TimerFired");
    }

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
