using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Rules.Calendar;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>
/// One scenario of the device lifecycle through the API, on its own host: the demo organisation, the
/// shipped workflows, simulated MDM/operator/telephony and mails written as files. The clock starts at a fixed
/// moment (<see cref="ClockStart"/>, so no scenario depends on the day it runs) and moves to the next working day
/// at 09:00 so notification hours never defer the scenario's mails by accident.
/// </summary>
public sealed class LifecycleScenario : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>Monday 7 December 2026, 09:00 in Stockholm (<see cref="TestClock"/>); the scenarios start the next working morning after it.</summary>
    public static readonly DateTimeOffset ClockStart = TestClock.Start;
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    private readonly string? database;

    private LifecycleScenario(HostFactory host, string? database)
    {
        Host = host;
        this.database = database;
    }

    public HostFactory Host { get; }

    /// <summary>A started host on SQLite; <paramref name="failureRate"/> makes the simulated outside systems fail that often.</summary>
    public static Task<LifecycleScenario> StartAsync(double failureRate = 0, params (string Key, string? Value)[] overrides) =>
        StartAsync(DatabaseKind.Sqlite, failureRate, overrides);

    /// <summary>
    /// A started host on <paramref name="kind"/>: a SQLite file, or a database of its own in the test run's PostgreSQL
    /// cluster (with Hangfire's PostgreSQL storage, as production runs it).
    /// </summary>
    public static async Task<LifecycleScenario> StartAsync(DatabaseKind kind, double failureRate = 0, params (string Key, string? Value)[] overrides)
    {
        string? database = null;
        if (kind == DatabaseKind.PostgreSql)
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            database = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
            overrides = [("Database:Provider", "PostgreSql"), ("ConnectionStrings:Default", database), .. overrides];
        }
        var directory = HostFactory.NewDirectory();
        var rate = failureRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string, string?)[] settings =
        [
            ("Demo:Seed", "true"),
            ("Engine:ClockStart", ClockStart.ToString("O")),
            ("Mail:Folder", Path.Combine(directory, "mail")),
            ("Engine:Jobs:BaseDelay", "00:00:00.050"),
            ("Engine:Jobs:MaxDelay", "00:00:00.500"),
            ("Engine:Jobs:MaxAttempts", failureRate > 0 ? "30" : "5"),
            ("Adapters:Mdm:Simulator:Latency", "00:00:00"),
            ("Adapters:Operator:Simulator:Latency", "00:00:00"),
            ("Adapters:Telephony:Simulator:Latency", "00:00:00"),
            ("Adapters:Supplier:Simulator:Latency", "00:00:00"),
            ("Adapters:Mdm:Simulator:FailureRate", rate),
            ("Adapters:Operator:Simulator:FailureRate", rate),
            ("Adapters:Telephony:Simulator:FailureRate", rate),
            .. overrides,
        ];
        var scenario = new LifecycleScenario(HostFactory.With(directory, "Development", settings), database);
        await scenario.MoveClockToNextWorkingMorningAsync();
        return scenario;
    }

    public string MailFolder => Path.Combine(Host.Directory, "mail");

    public async Task<HttpClient> As(string user)
    {
        if (!clients.TryGetValue(user, out var client)) clients[user] = client = await Host.ClientFor(user);
        return client;
    }

    public async Task<JsonObject> StartAsync(string user, string process, object variables) =>
        await (await As(user)).StartInstanceAsync(process, variables);

    /// <summary>
    /// Registers Nils Ny, a new hire on Vårdavdelning 1 under Anna Chef (start the scenario with the demo user
    /// <c>DemoUsers:nils.ny</c> = Employee), and returns his first day: three weeks from the scenario's clock.
    /// </summary>
    public async Task<DateOnly> RegisterNewHireAsync()
    {
        using (var create = await (await As("admin")).PostAsJsonAsync("/api/people", new
        {
            employeeId = "nils.ny", userName = "nils.ny", name = "Nils Ny", email = "nils.ny@regionjh.se", unitId = "HS-KIR-AVD1",
            managerEmployeeId = "anna.chef", roles = new[] { "Employee" },
        }))
            await HttpAssert.StatusAsync(create, HttpStatusCode.Created);
        var now = (await GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>();
        return DateOnly.FromDateTime(now.UtcDateTime).AddDays(21);
    }

    /// <summary>Waits until <paramref name="user"/> has an open task with this form key and returns it.</summary>
    public async Task<JsonObject> TaskAsync(string user, string formKey, Guid? instanceId = null)
    {
        var client = await As(user);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var tasks = await HttpAssert.ArrayAsync(await client.GetAsync("/api/tasks?limit=500"));
            var match = tasks.Select(t => t!.AsObject()).FirstOrDefault(t => t["formKey"]?.GetValue<string>() == formKey
                && (instanceId is null || t["instanceId"]!.GetValue<Guid>() == instanceId));
            if (match is not null) return match;
            if (watch.Elapsed > Patience)
                Assert.Fail($"{user} got no task '{formKey}' within {Patience}; open: {string.Join(", ", tasks.Select(t => t!["formKey"]))}; " +
                            $"incidents: {await IncidentsAsync()}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonObject> CompleteAsync(string user, string formKey, object? variables = null, Guid? instanceId = null)
    {
        var task = await TaskAsync(user, formKey, instanceId);
        using var response = await (await As(user)).PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = variables ?? new { } });
        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        return task;
    }

    public async Task<JsonObject> WaitForStatusAsync(object instanceId, string status) => await WaitForAsync(instanceId, i => i.Status() == status);

    public async Task<JsonObject> WaitForAsync(object instanceId, Func<JsonObject, bool> until)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var instance = await GetAsync($"/api/instances/{instanceId}");
            if (until(instance)) return instance;
            if (watch.Elapsed > Patience)
                Assert.Fail($"Instance {instanceId} did not get there within {Patience}: {instance["status"]} at " +
                            $"{string.Join(",", instance["activeElements"]!.AsArray())}; {await IncidentsAsync()}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonArray> JournalAsync(object instanceId) =>
        await HttpAssert.ArrayAsync(await (await As("admin")).GetAsync($"/api/instances/{instanceId}/journal"));

    public async Task<JsonArray> GetArrayAsync(string path, string user = "admin") =>
        await HttpAssert.ArrayAsync(await (await As(user)).GetAsync(path));

    public async Task<JsonObject> GetAsync(string path, string user = "admin") =>
        (await HttpAssert.StatusAsync(await (await As(user)).GetAsync(path), HttpStatusCode.OK))!;

    /// <summary>Moves the controllable clock forward and fires what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var iso = System.Xml.XmlConvert.ToString(by);
        using var response = await (await As("admin")).PostAsJsonAsync("/api/admin/clock", new { advance = iso });
        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
    }

    /// <summary>What is still going on, for failure messages: running instances, where they stand, and the incidents.</summary>
    public async Task<string> IncidentsAsync()
    {
        var admin = await As("admin");
        var running = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?status=Running"));
        var where = string.Join("; ", running.Select(i => $"{i!["definitionKey"]} at {string.Join(",", i["activeElements"]!.AsArray())}"));
        return $"{await admin.GetStringAsync("/api/incidents")}; running: {where}";
    }

    /// <summary>What is linked to a person in the register: {devices, subscriptions, extensions}.</summary>
    public async Task<JsonObject> LinksAsync(string employeeId) => await GetAsync($"/api/people/{employeeId}/links");

    /// <summary>Who approves for a person: their manager, else their unit's manager (the rule Register.DescribeEmployee uses).</summary>
    public async Task<string> ApproverOfAsync(string employeeId)
    {
        var person = await GetAsync($"/api/people/{employeeId}");
        if (person["managerEmployeeId"]?.GetValue<string>() is { Length: > 0 } manager) return manager;
        var unit = await GetAsync($"/api/units/{person["unitId"]}");
        return unit["managerEmployeeId"]!.GetValue<string>();
    }

    public async Task<JsonObject> MessageAsync(string name, string correlationKey, object variables, string user = "sam.service")
    {
        using var response = await (await As(user)).PostAsJsonAsync("/api/messages", new { name, correlationKey, variables });
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!;
    }

    /// <summary>Runs the ordering of a phone for <paramref name="employeeId"/> to the end; returns the delivered device's id.</summary>
    public async Task<string> OrderAndDeliverAsync(string employeeId, string deviceType = "Phone", bool acceptAlternative = true)
    {
        var order = await StartAsync(employeeId, "ordering", new { employeeId, deviceType, reason = "New" });
        var id = order["id"]!.GetValue<Guid>();
        var approver = await ApproverOfAsync(employeeId);
        (string User, string Form, object? Variables)[] steps =
        [
            (employeeId, "accept-alternative", new { accepted = acceptAlternative }),
            (approver, "approve-order", new { approved = true, justification = "Test" }),
            ("sam.service", "deliver-device", null),
            (employeeId, "acknowledge-handover", new { acknowledged = true }),
        ];
        var watch = Stopwatch.StartNew();
        while ((await GetAsync($"/api/instances/{id}")).Status() == "Running" && watch.Elapsed < Patience)
        {
            var acted = false;
            foreach (var (user, form, variables) in steps)
            {
                var open = await GetArrayAsync($"/api/tasks?instanceId={id}", user);
                if (!open.Any(t => t!["formKey"]?.GetValue<string>() == form)) continue;
                await CompleteAsync(user, form, variables, id);
                acted = true;
            }
            if (!acted) await Task.Delay(100);
        }
        var done = await WaitForStatusAsync(id, "Completed");
        return done["variables"]!["deviceId"]!.GetValue<string>();
    }

    /// <summary>
    /// The .eml files written for an address, as text, once the mail job has sent every queued mail that is due
    /// (steps only queue their mail; it goes a poll later).
    /// </summary>
    public async Task<IReadOnlyList<string>> MailsToAsync(string address)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var now = (await GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>();
            var pending = await GetArrayAsync("/api/mail-outbox?status=pending");
            if (!pending.Any(m => m!["nextAttemptAt"]!.GetValue<DateTimeOffset>() <= now)) break;
            if (watch.Elapsed > Patience) Assert.Fail($"Mail due by {now:O} was not sent within {Patience}: {pending.ToJsonString()}");
            await Task.Delay(100);
        }
        return Directory.Exists(MailFolder)
            ? [.. Directory.EnumerateFiles(MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(address, StringComparison.OrdinalIgnoreCase))]
            : [];
    }

    private async Task MoveClockToNextWorkingMorningAsync()
    {
        var clock = await GetAsync("/api/admin/clock");
        var now = clock["now"]!.GetValue<DateTimeOffset>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var day = new WorkingCalendar(WorkingHours.Default).AddWorkingDays(now, 1);
        var local = TimeZoneInfo.ConvertTime(day, zone);
        var nine = new DateTimeOffset(local.Date.AddHours(9), zone.GetUtcOffset(local.Date.AddHours(9)));
        await AdvanceAsync(nine - now);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        await Host.DisposeAsync();
        if (database is not null) await (await PostgresCluster.GetAsync()).DropDatabaseAsync(database);
        // The directory was made here (to put the mail folder in it), so the factory leaves it to us.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Host.Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
