using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Rules;
using RJH.DeviceWorkflows.Rules.Bench;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Validation;

// Usage: dotnet run -c Release --project bench/Rules.Bench [-- --seconds 5 --warmup 5]
var seconds = Argument("--seconds", 5);
var warmUp = TimeSpan.FromSeconds(Argument("--warmup", 5));
var duration = TimeSpan.FromSeconds(seconds);
const double Target = 100_000;

// One core: the figure must not borrow the machine's second core for JIT or GC.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = 1;

var folder = FindPolicies();
var json = File.ReadAllText(Path.Combine(folder, "entitlement.json"));
// Compile time: the first compile in the process pays the parser's and NRules' warm-up; later ones are what a save costs.
var watch = Stopwatch.StartNew();
var policy = await new PolicyEvaluator(new PolicyValidator()).GetAsync(PolicySets.Entitlement, 1, json);
var firstCompile = watch.Elapsed;
const int Compiles = 50;
watch.Restart();
for (var version = 2; version < 2 + Compiles; version++)
    await new PolicyEvaluator(new PolicyValidator()).GetAsync(PolicySets.Entitlement, version, json);
var warmCompile = watch.Elapsed / Compiles;

Console.WriteLine($"Policy rules benchmark: entitlement, one thread on one core, {seconds} s per scenario after {warmUp.TotalSeconds:N0} s warm-up");
Console.WriteLine($".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} cores visible, {Scenarios.Typed.Length} facts rotating over every table line");

var results = new List<Measure.Result>
{
    await Measure.RunAsync("typed facts -> decision", async i =>
        await policy.EvaluateAsync(Scenarios.Typed[i % Scenarios.Typed.Length]), warmUp, duration),
    await Measure.RunAsync("JSON facts -> decision", async i =>
    {
        var facts = Scenarios.Json[i % Scenarios.Json.Length];
        await policy.EvaluateAsync(policy.Shape.Read(facts));
    }, warmUp, duration),
    await Measure.RunAsync("JSON facts -> decision + explanation", async i =>
    {
        var facts = Scenarios.Json[i % Scenarios.Json.Length];
        _ = (await policy.EvaluateAsync(policy.Shape.Read(facts))).Explanation;
    }, warmUp, duration),
};

// The API's path: the published version is looked up in SQLite for every call.
var dataFolder = Directory.CreateTempSubdirectory("rjh-bench-").FullName;
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataFolder, "rjh.db")}",
    }).Build();
    await using var services = new ServiceCollection().AddPolicyRules(configuration).BuildServiceProvider();
    await services.MigratePolicyStoreAsync();
    await services.SeedPoliciesAsync(folder);
    var facade = services.GetRequiredService<IPolicyService>();
    results.Add(await Measure.RunAsync("IPolicyService (JSON, SQLite lookup)", async i =>
        await facade.EvaluateAsync(PolicySets.Entitlement, Scenarios.Json[i % Scenarios.Json.Length]), warmUp, duration));
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataFolder, recursive: true);
}

foreach (var result in results) Console.WriteLine(result);
Console.WriteLine($"Compiling the entitlement set (validate, parse, NRules session factory): first in the process {firstCompile.TotalMilliseconds:N0} ms, then {warmCompile.TotalMilliseconds:N1} ms each ({Compiles} compiles)");
var headline = results[1];
Console.WriteLine($"Entitlement decisions per second (JSON facts, one core): {headline.PerSecond:N0} — target {Target:N0}: {(headline.PerSecond >= Target ? "met" : "NOT met")}");
return headline.PerSecond >= Target ? 0 : 1;

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

static string FindPolicies()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "policies");
            if (Directory.Exists(candidate)) return candidate;
        }
    }
    throw new DirectoryNotFoundException("workflows/policies not found; run from the repository.");
}
