using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Bench;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host;
using RJH.DeviceWorkflows.Testing;

// P6: Mina uppgifter with N open tasks, all open to the Manager role: the real Host on Kestrel (loopback), a
// manager's bearer token, and the first page of GET /api/tasks in the ways the page and the API ask for it.
// P3 (--scenario p3): the same Host and tasks; a manager completes the first task of the page through
// POST /api/tasks/{id}/complete (its form checked) and reads the page again, one pair after the other.
//   dotnet run -c Release --project bench/Inbox.Bench -- [--scenario p6|p3] [--tasks 100000] [--samples 300]
//     [--db sqlite|postgres|both] [--sql]  (logs every SQL command with its time)
//     [--hold <file>]  (waits after seeding until the file exists, to look at the database with psql or sqlite3)
var p3 = ArgText("--scenario", "p6") == "p3";
var tasks = Arg("--tasks", 100_000);
var samples = Arg("--samples", 300);
var databases = BenchHosts.Databases(ArgText("--db", "both"));
string[] requests =
[
    "/api/tasks",                                           // the API's default: 100, oldest first
    "/api/tasks?limit=25&sort=due",                          // the page's first page
    "/api/tasks?limit=25&sort=due&scope=unclaimed&process=p6-inbox", // a filtered first page
    "/api/tasks?limit=25&sort=due&q=person%2004711",         // free text over person and business key
];
await BenchHosts.ForEachAsync(databases, p3 ? "p3" : "p6", RunAsync);
return;

async Task RunAsync(string database, string connection, string folder)
{
    var settings = BenchHosts.Settings(database, connection, folder);
    // --sql logs every command EF sends, with its time: to see what one completion or page costs.
    settings.Add($"--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command={(args.Contains("--sql") ? "Information" : "Warning")}");
    await using var app = HostApp.Build([.. settings]);
    await app.StartAsync();
    var engine = app.Services.GetRequiredService<IWorkflowEngine>();
    var admin = new Caller("admin", new HashSet<string> { "Admin" });
    await engine.DeployAsync(Model, publish: true, admin);

    Console.WriteLine(p3 ? $"P3 over HTTP on {database}: {tasks:N0} stored instances waiting at a task open to Manager"
        : $"P6 on {database}: {tasks:N0} open tasks for role Manager, {samples} requests per query after 30 to warm up");
    var setup = Stopwatch.StartNew();
    // One instance through the engine, then copies of its rows: the same rows 100,000 engine starts would write.
    var template = await engine.StartAsync(new StartInstance("p6-inbox", BusinessKey(0), Variables(0)), admin);
    await using (var db = BulkSeed.Open(connection, postgres: database != "SQLite"))
    {
        await db.OpenAsync();
        var seed = new BulkSeed(db, postgres: database != "SQLite");
        await seed.CopyAsync(template.Id, tasks, Texts);
        Console.WriteLine($"  setup: {setup.Elapsed.TotalSeconds:F0} s to store the tasks");
        setup.Restart();
        await seed.AnalyzeAsync();
        Console.WriteLine($"  {(database == "SQLite" ? "ANALYZE" : "VACUUM ANALYZE")}: {setup.Elapsed.TotalSeconds:F0} s");
    }
    if (ArgText("--hold", "") is { Length: > 0 } hold)
    {
        Console.WriteLine($"  holding until {hold} exists; connection: {connection}");
        while (!File.Exists(hold)) await Task.Delay(1000);
    }
    Console.WriteLine($"  load average before the requests: {BenchArgs.LoadAverage()}");

    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    using (var token = await http.PostAsJsonAsync("/api/auth/demo-token", new { user = "olle.chef" }))
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());

    if (p3)
        await new CompleteAndNextPage(http, samples).RunAsync();
    else foreach (var request in requests)
    {
        var latencies = new List<double>();
        string total = "";
        for (var i = 0; i < samples + 30; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(request);
            var body = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
            if (i >= 30) latencies.Add(clock.Elapsed.TotalMilliseconds);
            total = response.Headers.GetValues("X-Total-Count").Single();
            _ = body;
        }
        latencies.Sort();
        double At(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Round(q * (latencies.Count - 1)))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {request,-58} total {total,7}  p50 {At(0.50),6:F1}  p95 {At(0.95),6:F1}  p99 {At(0.99),6:F1} ms"));
    }
    Console.WriteLine($"  load average after the requests: {BenchArgs.LoadAverage()}");
    await app.StopAsync();
}

static string BusinessKey(int i) => $"BENCH-{i:D6}";

static JsonObject Variables(int i) => new()
{
    ["employee"] = new JsonObject { ["name"] = $"Person {i:D5}" }, ["employeeId"] = $"p6.{i:D6}",
};

// What differs between instances, in every spelling the stored rows use (the search text is lower case).
static IReadOnlyDictionary<string, string> Texts(int i) => new Dictionary<string, string>
{
    ["key"] = BusinessKey(i), ["searchKey"] = BusinessKey(i).ToLowerInvariant(), ["name"] = $"Person {i:D5}",
    ["searchName"] = $"person {i:D5}", ["employeeId"] = $"p6.{i:D6}",
};

int Arg(string name, int fallback) => BenchArgs.Int(args, name, fallback);

string ArgText(string name, string fallback) => BenchArgs.Text(args, name, fallback);


internal partial class Program
{
    /// <summary>
    /// One user task open to Manager, due in three days, with the shipped approval form (a required decision and a
    /// justification required on rejection), like the shipped approvals. Completing it ends the instance.
    /// </summary>
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="bench">
          <bpmn:process id="p6-inbox" name="Inkorgsmätning" isExecutable="true" rjh:starterRoles="Admin">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" name="Godkänn" rjh:candidateRoles="Manager" rjh:dueIn="P3D" rjh:formKey="approve-order" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" /><bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
