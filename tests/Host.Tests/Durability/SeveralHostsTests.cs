using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Durability;

/// <summary>
/// Two Host processes on one PostgreSQL database, each with Hangfire workers sharing Hangfire's
/// PostgreSQL storage: 1,000 instances of a flow with two job activities and a timer all complete,
/// none is lost and no activity execution is applied twice.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class SeveralHostsTests : IDisposable
{
    private const int Instances = 1000;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rjh-hosts-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task Two_hosts_complete_a_thousand_instances_applying_each_side_effect_once()
    {
        Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
        var cluster = await PostgresCluster.GetAsync();
        var database = await cluster.CreateDatabaseAsync();
        Directory.CreateDirectory(directory);
        Dictionary<string, string> Settings(string name) => new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = database,
            ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
            ["Testing:SideEffectLog"] = Path.Combine(directory, $"side-effects-{name}.log"),
            ["Engine:ConcurrencyRetries"] = "20",
            ["Jobs:WorkerCount"] = "8",
        };

        try
        {
            // One after the other: the first creates the schema (engine and Hangfire), the second finds it.
            await using var a = await HostProcess.StartAsync(Settings("a"));
            await using var b = await HostProcess.StartAsync(Settings("b"));
            var clients = new[] { await a.ClientForAsync("admin"), await b.ClientForAsync("admin") };
            var deploy = await clients[0].PostAsync("/api/definitions?publish=true", new StringContent(KillRestartTests.Model, Encoding.UTF8, "application/xml"));
            Assert.Equal(HttpStatusCode.Created, deploy.StatusCode);

            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(Enumerable.Range(0, Instances).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var response = await clients[i % 2].PostAsJsonAsync("/api/instances", new { definitionKey = "durable", businessKey = $"K{i}" });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
                finally { gate.Release(); }
            }));

            var done = await CompletedInstances.WaitForAsync(clients[0], $"/api/instances?definitionKey=durable&status=Completed&limit={Instances}", Instances);

            var all = (await clients[1].GetFromJsonAsync<List<JsonObject>>($"/api/instances?definitionKey=durable&limit={Instances + 10}"))!;
            Assert.Equal(Instances, all.Count);          // none lost, none duplicated
            if (done.Count < Instances)
            {
                // Name what is stuck and show what the hosts complained of: a shortfall alone says nothing.
                var unfinished = all.Where(i => i["status"]!.GetValue<string>() != "Completed").Take(5).Select(i => i.ToJsonString());
                Assert.Fail($"{Instances - done.Count} instance(s) unfinished, none completed for {CompletedInstances.Stall.TotalSeconds:0} s:\n{string.Join("\n", unfinished)}\n"
                            + $"host a:\n{Complaints(a.Output)}\nhost b:\n{Complaints(b.Output)}");
            }
            var calls = Directory.GetFiles(directory, "side-effects-*.log").SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToHashSet();
            foreach (var instance in done)
            {
                var keys = instance["variables"]!["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
                Assert.Equal(2, keys.Count);
                Assert.Equal(2, keys.Distinct().Count());
                Assert.All(keys, k => Assert.Contains(k, calls));
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(database);
        }
    }

    /// <summary>The hosts log at Warning and above (see HostProcess), so their last lines are their complaints.</summary>
    private static string Complaints(string output) =>
        string.Join("\n", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(60));

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
