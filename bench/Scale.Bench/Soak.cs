using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using RJH.DeviceWorkflows.Bench;

namespace RJH.DeviceWorkflows.Scale.Bench;

/// <summary>
/// The soak: one Host (Hangfire on PostgreSQL, as it runs in production) under steady mixed load for a number of
/// minutes: starts over HTTP; per instance a job that fails 5 % of the time, a user task completed over HTTP, a
/// message correlated over HTTP, a two-second timer and a second flaky job. Every 30 s it samples the Host's
/// working set, open handles and threads and the instances by status. At the end it stops starting, lets the rest
/// finish, and says whether anything was lost or stuck and whether memory or handles grew after the warm-up.
/// </summary>
internal sealed class Soak(HostProcess host, HttpClient http, NpgsqlDataSource db, TimeSpan duration, int perSecond)
{
    public const string Key = "soak";

    public const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="bench">
          <bpmn:message id="m" name="soak-go" />
          <bpmn:process id="soak" name="Uthållighet" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="j1" rjh:activity="Bench.Flaky" />
            <bpmn:userTask id="work" name="Granska" rjh:assignee="'admin'" />
            <bpmn:intermediateCatchEvent id="go" rjh:correlationKey="vars.key"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="j2" rjh:activity="Bench.Flaky" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="j1" /><bpmn:sequenceFlow id="f2" sourceRef="j1" targetRef="work" />
            <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="go" /><bpmn:sequenceFlow id="f4" sourceRef="go" targetRef="pause" />
            <bpmn:sequenceFlow id="f5" sourceRef="pause" targetRef="j2" /><bpmn:sequenceFlow id="f6" sourceRef="j2" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(3);

    private readonly List<Sample> samples = [];
    private int started;
    private int completedTasks;
    private int messages;
    private int errors;

    private sealed record Sample(TimeSpan At, long WorkingSetMb, int Handles, int Threads, double CpuSeconds, IReadOnlyDictionary<string, long> ByStatus);

    public async Task RunAsync()
    {
        using (var deploy = new StringContent(Model, Encoding.UTF8, "application/xml"))
            (await http.PostAsync("/api/definitions?publish=true", deploy)).EnsureSuccessStatusCode();
        Console.WriteLine($"Soak: {duration.TotalMinutes:0.#} minutes, {perSecond} starts/s, jobs failing 5 % of the time; load average before: {BenchArgs.LoadAverage()}");
        Console.WriteLine("| minute | working set MB | handles | threads | host CPU s | Running | Completed | with incidents | started | tasks done | messages | HTTP errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");

        var clock = Stopwatch.StartNew();
        using var stopStarting = new CancellationTokenSource(duration);
        using var stopWorking = new CancellationTokenSource();
        var starting = StartLoopAsync(stopStarting.Token);
        var working = WorkLoopAsync(stopWorking.Token);
        var sampling = SampleLoopAsync(clock, stopWorking.Token);

        await starting;
        var drainUntil = clock.Elapsed + Drain;
        while (clock.Elapsed < drainUntil && (await ByStatusAsync()).GetValueOrDefault("Running") > 0) await Task.Delay(1000);
        await stopWorking.CancelAsync();
        await Task.WhenAll(working, sampling);
        await RecordAsync(clock);
        Report();
    }

    private async Task StartLoopAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Keep the rate steady: start what is due by now, then wait a little.
                var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
                var batch = new List<Task>();
                while (started < due)
                {
                    var key = $"S{++started}";
                    batch.Add(PostAsync("/api/instances", new { definitionKey = Key, businessKey = key, variables = new { key } }, HttpStatusCode.Created));
                }
                await Task.WhenAll(batch);
                await Task.Delay(100, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>What the person and the outside system do: complete the task, then send the message it waits for.</summary>
    private async Task WorkLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var tasks = await http.GetFromJsonAsync<JsonArray>($"/api/tasks?process={Key}&limit=200", ct) ?? [];
                await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (task, _) =>
                {
                    var id = task!["id"]!.GetValue<Guid>();
                    var key = task["businessKey"]!.GetValue<string>();
                    if (!await PostAsync($"/api/tasks/{id}/complete", new { }, HttpStatusCode.OK)) return;
                    Interlocked.Increment(ref completedTasks);
                    if (await PostAsync("/api/messages", new { name = "soak-go", correlationKey = key }, HttpStatusCode.OK))
                        Interlocked.Increment(ref messages);
                });
                if (tasks.Count < 200) await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<bool> PostAsync(string path, object body, HttpStatusCode expected)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(path, body);
            if (response.StatusCode == expected) return true;
            if (Interlocked.Increment(ref errors) <= 5)
                Console.WriteLine($"  {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException e)
        {
            if (Interlocked.Increment(ref errors) <= 5) Console.WriteLine($"  {path}: {e.Message}");
        }
        return false;
    }

    private async Task SampleLoopAsync(Stopwatch clock, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await RecordAsync(clock);
                await Task.Delay(SampleEvery, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task RecordAsync(Stopwatch clock)
    {
        var sample = new Sample(clock.Elapsed, host.WorkingSetBytes / 1_048_576, host.Handles, host.Threads, host.CpuTime.TotalSeconds, await ByStatusAsync());
        samples.Add(sample);
        var withIncidents = await WithIncidentsAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {sample.At.TotalMinutes:F1} | {sample.WorkingSetMb} | {sample.Handles} | {sample.Threads} | {sample.CpuSeconds:F0} | " +
            $"{sample.ByStatus.GetValueOrDefault("Running")} | {sample.ByStatus.GetValueOrDefault("Completed")} | {withIncidents} | " +
            $"{started} | {completedTasks} | {messages} | {errors} |"));
    }

    private void Report()
    {
        var last = samples[^1];
        var total = last.ByStatus.Values.Sum();
        // Warm-up: the first sixth of the run (at least two samples); growth is judged on what follows.
        var afterWarmUp = samples.Where(s => s.At >= duration / 6).ToList();
        if (afterWarmUp.Count < 2) afterWarmUp = samples;
        var firstThird = afterWarmUp.Take(Math.Max(1, afterWarmUp.Count / 3)).ToList();
        var lastThird = afterWarmUp.Skip(afterWarmUp.Count - Math.Max(1, afterWarmUp.Count / 3)).ToList();
        Console.WriteLine();
        Console.WriteLine($"started {started}, stored {total}, completed {last.ByStatus.GetValueOrDefault("Completed")}, " +
                          $"still running after {Drain.TotalMinutes:0} min of draining {last.ByStatus.GetValueOrDefault("Running")}, HTTP errors {errors}");
        Console.WriteLine($"lost (started but not stored): {started - total}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after warm-up, first third → last third (means): working set {firstThird.Average(s => s.WorkingSetMb):F0} → {lastThird.Average(s => s.WorkingSetMb):F0} MB, " +
            $"handles {firstThird.Average(s => s.Handles):F0} → {lastThird.Average(s => s.Handles):F0}, threads {firstThird.Average(s => s.Threads):F0} → {lastThird.Average(s => s.Threads):F0}"));
        Console.WriteLine($"load average after: {BenchArgs.LoadAverage()}");
    }

    private async Task<Dictionary<string, long>> ByStatusAsync()
    {
        await using var command = db.CreateCommand("""SELECT "Status", count(*) FROM "Instances" WHERE "DefinitionKey" = 'soak' GROUP BY "Status" """);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task<long> WithIncidentsAsync()
    {
        await using var command = db.CreateCommand("""SELECT count(DISTINCT "InstanceId") FROM "Incidents" WHERE "ResolvedAt" IS NULL""");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
