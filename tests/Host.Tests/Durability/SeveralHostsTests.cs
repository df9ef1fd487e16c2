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

            var deadline = DateTime.UtcNow.AddSeconds(240);
            List<JsonObject> done;
            do
            {
                await Task.Delay(1000);
                done = (await clients[0].GetFromJsonAsync<List<JsonObject>>($"/api/instances?definitionKey=durable&status=Completed&limit={Instances}"))!;
            }
            while (done.Count < Instances && DateTime.UtcNow < deadline);

            var all = (await clients[1].GetFromJsonAsync<List<JsonObject>>($"/api/instances?definitionKey=durable&limit={Instances + 10}"))!;
            Assert.Equal(Instances, all.Count);          // none lost, none duplicated
            Assert.Equal(Instances, done.Count);
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

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
