using RJH.DeviceWorkflows.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using RJH.DeviceWorkflows.Scale.Bench;
using RJH.DeviceWorkflows.Testing;

// P2 through Hangfire and P6 scale-out: 1, 2 and 3 real Host processes (Hangfire server, PostgreSQL storage) on one
// throwaway PostgreSQL database. N instances of a process with three job activities are started over HTTP, spread over
// the hosts, and timed from the first start until the database holds all of them Completed.
//   dotnet run -c Release --project bench/Scale.Bench -- [--instances 2000] [--hosts 1,2,3] [--clients 8]
//     [--workers <Jobs:WorkerCount per host>] [--warmup-seconds 5 (a round)] [--warmup-max 120] [--jit-settled 50]
// The soak (mixed load for a number of minutes on one host, see Soak.cs):
//   dotnet run -c Release --project bench/Scale.Bench -- --soak 30 [--rate 20]
if (args.Length > 0 && args[0] == BenchHost.Verb)
{
    await BenchHost.RunAsync(args[1..]);
    return;
}

var instances = Arg("--instances", 2000);
var clients = Arg("--clients", 8);
var warmupSeconds = Arg("--warmup-seconds", 5);
var warmupMax = Arg("--warmup-max", 120);
var jitSettled = Arg("--jit-settled", 50);
var workers = ArgText("--workers", "");
var hostCounts = ArgText("--hosts", "1,2,3").Split(',').Select(int.Parse).ToArray();
if (ArgText("--soak", "") is { Length: > 0 } soakMinutes)
{
    await SoakAsync(TimeSpan.FromMinutes(double.Parse(soakMinutes, CultureInfo.InvariantCulture)), Arg("--rate", 20));
    return;
}

var results = new List<string>();
Console.WriteLine($"P2/P6: {instances:N0} instances of three job tasks, Hangfire with PostgreSQL storage, {clients} HTTP clients starting; " +
                  $"{Environment.ProcessorCount} cores; load average before: {BenchArgs.LoadAverage()}");
try
{
    var cluster = await PostgresCluster.GetAsync();
    foreach (var hosts in hostCounts)
    {
        var connection = await cluster.CreateDatabaseAsync();
        results.Add(await RunAsync(hosts, connection));
        await cluster.DropDatabaseAsync(connection);
    }
}
finally
{
    PostgresCluster.StopIfStarted();
}
Console.WriteLine();
Console.WriteLine("| Host processes | completed instances/s | jobs/s | starts/s (HTTP) | host CPU ms / instance | PostgreSQL transactions / instance | machine CPU busy | load average after |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var row in results) Console.WriteLine(row);
return;

async Task<string> RunAsync(int hostCount, string connection)
{
    var folder = Directory.CreateTempSubdirectory("rjh-scale-").FullName;
    var hosts = new List<HostProcess>();
    try
    {
        // The first host migrates the database; the others start once it has.
        hosts.Add(await HostProcess.StartAsync(1, Settings(connection, folder)));
        hosts.AddRange(await Task.WhenAll(Enumerable.Range(2, hostCount - 1).Select(n => HostProcess.StartAsync(n, Settings(connection, folder)))));

        var http = new List<HttpClient>();
        foreach (var host in hosts) http.Add(await SignedInAsync(host.Url));
        using (var deploy = new StringContent(Model, Encoding.UTF8, "application/xml"))
            (await http[0].PostAsync("/api/definitions?publish=true", deploy)).EnsureSuccessStatusCode();

        await using var db = new NpgsqlDataSourceBuilder(connection).Build();
        var warm = await WarmUpAsync(hosts, http, db);

        var jitBefore = hosts.Sum(h => h.JitCompiledMethods);
        var cpuBefore = hosts.Sum(h => h.CpuTime.TotalMilliseconds);
        var machineBefore = MachineCpu.Read();
        var commitsBefore = await CommitsAsync(db);
        var clock = Stopwatch.StartNew();
        var startSeconds = await StartAndWaitAsync(http, instances, db, warm);
        var seconds = clock.Elapsed.TotalSeconds;
        var machine = MachineCpu.Read().BusySince(machineBefore);
        var cpuPerInstance = (hosts.Sum(h => h.CpuTime.TotalMilliseconds) - cpuBefore) / instances;
        var jitDuring = hosts.Sum(h => h.JitCompiledMethods) - jitBefore;
        // PostgreSQL publishes a backend's counters when it goes idle (PostgreSQL 15: within a second).
        await Task.Delay(1500);
        var commitsPerInstance = (double)(await CommitsAsync(db) - commitsBefore) / instances;
        var memory = string.Join(", ", hosts.Select(h => $"{h.WorkingSetBytes / 1_048_576} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {hostCount} host(s): {instances} completed in {seconds:F1} s (starts took {startSeconds:F1} s); " +
            $"{commitsPerInstance:F1} PostgreSQL transactions per instance; working sets {memory}; the JIT compiled {jitDuring} methods meanwhile"));
        foreach (var client in http) client.Dispose();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {hostCount} | {instances / seconds:F0} | {3 * instances / seconds:F0} | {instances / startSeconds:F0} | {cpuPerInstance:F1} | {commitsPerInstance:F0} | {machine:P0} | {BenchArgs.LoadAverage()} |");
    }
    finally
    {
        foreach (var host in hosts) await host.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

async Task SoakAsync(TimeSpan duration, int perSecond)
{
    try
    {
        var cluster = await PostgresCluster.GetAsync();
        var connection = await cluster.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("rjh-soak-").FullName;
        await using (var host = await HostProcess.StartAsync(1, Settings(connection, folder)))
        {
            using var http = await SignedInAsync(host.Url);
            await using var db = new NpgsqlDataSourceBuilder(connection).Build();
            await new Soak(host, http, db, duration, perSecond).RunAsync();
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
    finally
    {
        PostgresCluster.StopIfStarted();
    }
}

// Steady state, as a Host that has run for a while sees it, as P1 measures it after its warm-up: rounds of the same
// load until a round in which the hosts' JIT compiled fewer than --jit-settled methods (or --warmup-max seconds). With
// dynamic PGO a fresh process runs unoptimised, then instrumented code for its first thousands of requests and jobs,
// and on two busy cores its one compiler thread took 25 s and more to finish (docs/benchmarks.md, 2026-12-07).
// Returns the instances completed by then.
async Task<long> WarmUpAsync(IReadOnlyList<HostProcess> hosts, IReadOnlyList<HttpClient> http, NpgsqlDataSource db)
{
    var clock = Stopwatch.StartNew();
    for (var round = 1; ; round++)
    {
        var jitBefore = hosts.Sum(h => h.JitCompiledMethods);
        var completedBefore = await CompletedAsync(db);
        var roundClock = Stopwatch.StartNew();
        await StartAndWaitAsync(http, int.MaxValue, db, completedBefore, TimeSpan.FromSeconds(warmupSeconds));
        var completed = await CompletedAsync(db);
        // The last report of a host is up to a second old; wait for the next one so the round's count is whole.
        await Task.Delay(1100);
        var compiled = hosts.Sum(h => h.JitCompiledMethods) - jitBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {hosts.Count} host(s): warm-up round {round}: {(completed - completedBefore) / roundClock.Elapsed.TotalSeconds:F0} instances/s, the JIT compiled {compiled} methods"));
        if (compiled < jitSettled || clock.Elapsed.TotalSeconds >= warmupMax) return completed;
    }
}

// Starts count instances over HTTP, round robin over the hosts, or as many as start within the time limit; returns the
// seconds the starts took, after all of them completed.
async Task<double> StartAndWaitAsync(IReadOnlyList<HttpClient> http, int count, NpgsqlDataSource db, long before, TimeSpan? timeLimit = null)
{
    var clock = Stopwatch.StartNew();
    var next = 0;
    var started = 0;
    var body = new { definitionKey = "p2-jobs" };
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((timeLimit is null || clock.Elapsed < timeLimit) && (i = Interlocked.Increment(ref next)) <= count)
        {
            (await http[i % http.Count].PostAsJsonAsync("/api/instances", body)).EnsureSuccessStatusCode();
            Interlocked.Increment(ref started);
        }
    })));
    var startSeconds = clock.Elapsed.TotalSeconds;
    count = started;
    while (await CompletedAsync(db) - before < count)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(10))
            throw new TimeoutException($"only {await CompletedAsync(db) - before} of {count} completed in 10 minutes");
        await Task.Delay(50);
    }
    return startSeconds;
}

static async Task<long> CompletedAsync(NpgsqlDataSource db)
{
    await using var command = db.CreateCommand("""SELECT count(*) FROM "Instances" WHERE "Status" = 'Completed'""");
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<long> CommitsAsync(NpgsqlDataSource db)
{
    await using var command = db.CreateCommand(
        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<HttpClient> SignedInAsync(string url)
{
    var http = new HttpClient { BaseAddress = new Uri(url) };
    using var token = await http.PostAsJsonAsync("/api/auth/demo-token", new { user = "admin" });
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        (await token.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    return http;
}

List<string> Settings(string connection, string folder)
{
    // One key ring for all hosts (in the shared folder), as a real deployment shares it; jobs through Hangfire, as the
    // Host runs them (a later setting wins over the shared one).
    var settings = BenchHosts.Settings("PostgreSQL", connection, folder);
    settings.Add("--Jobs:Runner=Hangfire");
    if (workers.Length > 0) settings.Add($"--Jobs:WorkerCount={workers}");
    return settings;
}

int Arg(string name, int fallback) => BenchArgs.Int(args, name, fallback);

string ArgText(string name, string fallback) => BenchArgs.Text(args, name, fallback);


internal partial class Program
{
    private const string Model = JobFlowModel.Xml;
}
