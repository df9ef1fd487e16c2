using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;
using RJH.DeviceWorkflows.Bench;

// P5: N `ordering` instances under rollout (an approved risk assessment covers the unit) through every
// automated step up to the first human step, Servicecenter's delivery, on SQLite with instant simulators.
// Then the two human steps are completed for all and the rest (SIM activation, assignment, mails) runs.
// On SQLite and on a throwaway PostgreSQL cluster (tests/Testing/PostgresCluster). A warm-up of orderings of other people
// runs first and is not counted: the Host a user meets has compiled its code long before (a cold process spent half as
// much CPU again per order, and the second database of a run was measured warm and the first cold). It runs in rounds of
// --warmup orderings until a round in which the JIT compiled fewer than --jit-settled methods (dynamic PGO recompiles hot
// code twice, and on two busy cores that went on for tens of seconds; docs/benchmarks.md, 2026-12-07), at most
// --warmup-rounds, and then idles until the JIT's queue has drained (JitQueueDrainedAsync).
//   dotnet run -c Release --project bench/Lifecycle.Bench -- [--orders 2500] [--warmup 100] [--warmup-rounds 8]
//     [--jit-settled 50] [--parallel 8] [--db sqlite|postgres|both]
var orders = Arg("--orders", 2500);
var warmup = Arg("--warmup", 100);
var warmupRounds = Arg("--warmup-rounds", 8);
var jitSettled = Arg("--jit-settled", 50);
var people = orders + warmup * warmupRounds;
// The people who have ordered so far (the measured orders and the warm-up rounds run).
var ordered = 0;
var parallel = Arg("--parallel", 8);
var databases = BenchHosts.Databases(ArgText("--db", "both"));
IServiceProvider services = null!;
IWorkflowEngine engine = null!;
IWorkflowQueries queries = null!;
var system = RegisterUser.System;
var admin = new Caller("admin", new HashSet<string> { "Admin", "ServiceCenter", "Manager", "HR", "Employee" });
await BenchHosts.ForEachAsync(databases, "p5", RunAsync);
return;

async Task RunAsync(string database, string connection, string folder)
{
    var settings = BenchHosts.Settings(database, connection, folder);
    settings.AddRange([
        "--Engine:ControllableClock=true",
        "--Engine:ClockStart=2026-12-07T09:00:00+01:00", // a named Monday: the run does not depend on the day it runs
        "--Adapters:Mdm:Simulator:Latency=00:00:00", "--Adapters:Operator:Simulator:Latency=00:00:00",
        "--Adapters:Telephony:Simulator:Latency=00:00:00",
    ]);
    await using var app = HostApp.Build([.. settings]);
    await app.StartAsync();
    services = app.Services;
    engine = services.GetRequiredService<IWorkflowEngine>();
    queries = services.GetRequiredService<IWorkflowQueries>();

    Console.WriteLine($"P5: {orders} orderings under rollout, {database}, instant simulators, in-process jobs, {parallel} starters");
    var setup = Stopwatch.StartNew();
    await SeedAsync();
    Console.WriteLine($"  setup (org, {people} people, {people} phones, approved assessment): {setup.Elapsed.TotalSeconds:F1} s");

    var clock = (ControllableTimeProvider)services.GetRequiredService<TimeProvider>();
    clock.Advance(NextWorkingMorning(clock.GetUtcNow()) - clock.GetUtcNow());

    ordered = 0;
    var warming = Stopwatch.StartNew();
    for (var round = 0; round < warmupRounds; round++)
    {
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        await StartOrderingsAsync(orders + ordered, warmup);
        ordered += warmup;
        await WaitForDeliveryTasksAsync(ordered);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - jit;
        Console.WriteLine($"  warm-up round {round + 1}, not counted: {warmup} orderings to the delivery task; the JIT compiled {compiled} methods");
        if (compiled < jitSettled) break;
    }
    var warmed = warming.Elapsed;
    var (queued, quiet) = await JitQueueDrainedAsync();
    Console.WriteLine($"  warm-up: {ordered} orderings in {warmed.TotalSeconds:F1} s; then, idle, the JIT compiled {queued} more methods in {quiet.TotalSeconds:F1} s");

    // CPU and allocation beside the wall time: on a machine shared with other work the wall time of one run varies by a
    // third, what the run itself spent much less.
    var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    var cost = ProcessCost.Start();
    var watch = Stopwatch.StartNew();
    await StartOrderingsAsync(0, orders);
    var started = watch.Elapsed;
    ordered += orders;
    await WaitForDeliveryTasksAsync(ordered);
    var automated = watch.Elapsed;
    var spent = cost.Stop();
    Console.WriteLine($"  started {orders} in {started.TotalSeconds:F1} s; all at Servicecenter's delivery after {automated.TotalSeconds:F1} s " +
                      $"({orders / automated.TotalSeconds:F0} orders/s)  [target ≤ 30 s]");
    Console.WriteLine($"  to the delivery task: {spent.CpuSeconds * 1000 / orders:F1} ms CPU and {spent.AllocatedBytes / 1e6 / orders:F2} MB allocated per order " +
                      $"({spent.CpuSeconds:F1} s CPU in {automated.TotalSeconds:F1} s; {spent.Collections} garbage collections paused it {spent.GcPauseSeconds:F1} s; " +
                      $"the JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore} methods)");

    var human = Stopwatch.StartNew();
    await CompleteAllAsync("deliver-device", new Caller("sam.service", new HashSet<string> { "ServiceCenter" }), _ => null);
    await CompleteAllAsync("acknowledge-handover", null, _ => new JsonObject { ["acknowledged"] = true });
    await WaitAsync(i => i.Status == "Completed", "completion");
    Console.WriteLine($"  two human steps completed for all and the rest run in {human.Elapsed.TotalSeconds:F1} s");
    var faulted = (await queries.ListInstancesAsync(new InstanceQuery("ordering", InstanceStatus.Faulted, 5000), admin)).Count;
    Console.WriteLine($"  faulted: {faulted}; incidents: {(await queries.ListIncidentsAsync(admin)).Count}");
    // Every order must end with its own phone: one device per person, none shared.
    var devices = services.GetRequiredService<IDeviceRegister>();
    var held = new List<Guid>();
    for (var i = 0; i < ordered; i++) held.AddRange((await devices.DevicesOfPersonAsync(Person(i))).Select(d => d.Id));
    Console.WriteLine($"  people holding a phone: {held.Count} devices for {ordered} orders (warm-up included), {held.Distinct().Count()} distinct");
    await app.StopAsync();
}

async Task SeedAsync()
{
    var org = services.GetRequiredService<IOrgRegister>();
    await org.CreateUnitAsync(system, new NewUnit("P5", "Bänkförvaltningen", OrgLevel.Administration));
    await org.CreateUnitAsync(system, new NewUnit("P5-AREA", "Bänkområdet", OrgLevel.Area, "P5"));
    await org.CreatePersonAsync(system, new NewPerson("p5.chef", "p5.chef", "Chef Bänk", "p5.chef@regionjh.se", "P5-AREA", Roles: ["Manager"]));
    await org.CreateUnitAsync(system, new NewUnit("P5-UNIT", "Bänkenheten", OrgLevel.Unit, "P5-AREA", "p5.chef"));
    await org.CreatePersonAsync(system, new NewPerson("p5.ombud", "p5.ombud", "Skydds Ombud", "p5.ombud@regionjh.se", "P5-AREA", Roles: ["SafetyRep"]));
    // Access checks read the register's current roles, so the HR writer must be a person there.
    await org.CreatePersonAsync(system, new NewPerson("p5.hr", "p5.hr", "Hanna HR", "p5.hr@regionjh.se", "P5", Roles: ["HR"]));
    var devices = services.GetRequiredService<IDeviceRegister>();
    await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
    {
        await org.CreatePersonAsync(system, new NewPerson(Person(i), Person(i), $"Bänk {i}", $"{Person(i)}@regionjh.se", "P5-UNIT",
            "p5.chef", ["Employee"]), ct: ct);
        await devices.RegisterAsync(system, new NewDevice(Imei(i), null, "Galaxy A55", DeviceType.Phone), ct: ct);
    });
    await org.SetRolloutModeAsync(system, "P5-UNIT", RolloutMode.Voluntary);
    await using var scope = services.CreateAsyncScope();
    var assessments = scope.ServiceProvider.GetRequiredService<IRiskAssessmentService>();
    var hr = new RegisterUser("p5.hr", new HashSet<string> { RegisterRoles.HR });
    var draft = await assessments.CreateAsync(new RiskAssessmentDraft("P5-UNIT", "Utrullning", null,
        [new RiskItem("Nåbarhet", "Förväntan att alltid svara", RiskLevel.Medium)], [new RiskMeasure("Policy efter arbetstid", null, null)],
        [new Participant("Skydds Ombud", ParticipantRole.SafetyRep), new Participant("Bänk 0", ParticipantRole.Employee)]), hr);
    await assessments.SubmitAsync(draft.Id, hr);
    await assessments.SignOffAsync(draft.Id, new SignOffRequest(SignOffDecision.Approve, null, SignOffParty.Manager),
        new RegisterUser("p5.chef", new HashSet<string> { RegisterRoles.Manager }));
    await assessments.SignOffAsync(draft.Id, new SignOffRequest(SignOffDecision.Approve, null, SignOffParty.SafetyRep),
        new RegisterUser("p5.ombud", new HashSet<string> { RegisterRoles.SafetyRep }));
}

// The runtime moves hot methods to optimised code on one background thread, and under load that thread falls behind:
// on PostgreSQL, with both cores busy with the host and the server, thousands of methods were still queued after 800
// orderings, and compiling them took a core's share of the measurement (docs/benchmarks.md, 2026-12-07). A Host that has
// run for a while did that in its quiet moments; this gives it one, until a second passes without a method compiled
// (at most half a minute).
static async Task<(long Methods, TimeSpan Elapsed)> JitQueueDrainedAsync()
{
    var watch = Stopwatch.StartNew();
    var start = System.Runtime.JitInfo.GetCompiledMethodCount();
    var last = start;
    while (watch.Elapsed < TimeSpan.FromSeconds(30))
    {
        await Task.Delay(1000);
        var now = System.Runtime.JitInfo.GetCompiledMethodCount();
        if (now == last) break;
        last = now;
    }
    return (last - start, watch.Elapsed);
}

Task StartOrderingsAsync(int first, int count) =>
    Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        await engine.StartAsync(new StartInstance("ordering", null, new JsonObject
        {
            ["employeeId"] = Person(i), ["deviceType"] = "Phone", ["reason"] = "New", ["underRollout"] = true,
        }), admin, ct));

// One query for the open delivery tasks: listing every instance with its incidents each time would cost the machine
// more than some of what is measured.
Task WaitForDeliveryTasksAsync(int expected) => PollAsync("the delivery tasks", expected, async () =>
{
    var open = await services.GetRequiredService<IWorkflowStore>().ListTasksAsync(new TaskQuery(Roles: ["ServiceCenter"], Max: expected * 2));
    return (open.Count(t => t.ElementId == "deliver"), null);
});

Task WaitAsync(Func<InstanceView, bool> done, string what) => PollAsync(what, ordered, async () =>
{
    var all = await queries.ListInstancesAsync(new InstanceQuery("ordering", null, 5000), admin);
    var faulted = all.Count(i => i.Status == "Faulted");
    return (all.Count(done), faulted > 0 ? $"{faulted} faulted" : null);
});

// Until the count reaches what is expected; a problem the count reports, or ten minutes, ends the run with what was reached.
async Task PollAsync(string what, int expected, Func<Task<(int Count, string? Problem)>> count)
{
    var limit = Stopwatch.StartNew();
    while (true)
    {
        var (reached, problem) = await count();
        if (reached >= expected) return;
        if (problem is not null || limit.Elapsed > TimeSpan.FromMinutes(10))
            throw new InvalidOperationException($"Waiting for {what}: {reached} of {expected}{(problem is null ? "" : "; " + problem)}");
        await Task.Delay(200);
    }
}

async Task CompleteAllAsync(string formKey, Caller? caller, Func<int, JsonObject?> variables)
{
    var instances = await queries.ListInstancesAsync(new InstanceQuery("ordering", null, 5000), admin);
    await Parallel.ForEachAsync(instances, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (instance, ct) =>
    {
        TaskView? task = null;
        for (var attempt = 0; task is null && attempt < 200; attempt++)
        {
            task = (await queries.ListTasksAsync(admin, instance.Id, 10, ct)).FirstOrDefault(t => t.FormKey == formKey);
            task ??= (await queries.ListTasksAsync(Owner(instance), instance.Id, 10, ct)).FirstOrDefault(t => t.FormKey == formKey);
            if (task is null) await Task.Delay(50, ct);
        }
        if (task is null) throw new InvalidOperationException($"No {formKey} task for instance {instance.Id}");
        await engine.CompleteTaskAsync(task.Id, variables(0), caller ?? Owner(instance), ct);
    });
}

static Caller Owner(InstanceView instance) =>
    new(instance.Variables["employeeId"]!.GetValue<string>(), new HashSet<string> { "Employee" });

static string Person(int i) => $"p5.{i:D5}";

static string Imei(int i)
{
    var body = $"35{i:D12}";
    var sum = 0;
    for (var k = 0; k < 14; k++)
    {
        var d = body[13 - k] - '0';
        if (k % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
        sum += d;
    }
    return body + (10 - sum % 10) % 10;
}

static DateTimeOffset NextWorkingMorning(DateTimeOffset now)
{
    var day = new RJH.DeviceWorkflows.Rules.Calendar.WorkingCalendar(RJH.DeviceWorkflows.Rules.Calendar.WorkingHours.Default).AddWorkingDays(now, 1);
    var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    var local = TimeZoneInfo.ConvertTime(day, zone).Date.AddHours(9);
    return new DateTimeOffset(local, zone.GetUtcOffset(local));
}

string ArgText(string name, string fallback) => BenchArgs.Text(args, name, fallback);

int Arg(string name, int fallback) => BenchArgs.Int(args, name, fallback);
