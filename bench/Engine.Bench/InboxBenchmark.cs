using System.Diagnostics;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Engine.Bench;

/// <summary>
/// P3: with many stored instances, each waiting at a user task, an employee completes a task and reads
/// the next page of the inbox (the work of POST /api/tasks/{id}/complete + GET /api/tasks, without HTTP).
/// </summary>
internal static class InboxBenchmark
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="bench">
          <bpmn:process id="p3-inbox" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="first" rjh:candidateRoles="Employee" /><bpmn:userTask id="second" rjh:candidateRoles="Manager" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" /><bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task<(double P50, double P95, double P99, TimeSpan Setup)> RunAsync(BenchDatabase database, BenchOptions options, int stored, int samples)
    {
        await using var host = await EngineHost.StartAsync(database);
        await host.Engine.DeployAsync(Model, publish: true, EngineHost.Admin);
        var request = new StartInstance("p3-inbox", null, new System.Text.Json.Nodes.JsonObject { ["unit"] = "HS-KIR-AVD1", ["deviceType"] = "Phone" });
        var setup = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= stored) await host.Engine.StartAsync(request, EngineHost.Admin);
        })));
        setup.Stop();

        var queries = (IWorkflowQueries)host.Services.GetService(typeof(IWorkflowQueries))!;
        var employee = new Caller("erik.anstalld", new HashSet<string> { "Employee" });
        var inbox = await queries.ListTasksAsync(employee, null, 100);
        var latencies = new List<double>();
        for (var i = 0; i < samples + 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await host.Engine.CompleteTaskAsync(inbox[0].Id, new System.Text.Json.Nodes.JsonObject { ["done"] = true }, employee);
            inbox = await queries.ListTasksAsync(employee, null, 100);
            if (i >= 20) latencies.Add(clock.Elapsed.TotalMilliseconds);   // the first ones warm up
        }
        latencies.Sort();
        double At(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Round(q * (latencies.Count - 1)))];
        return (At(0.50), At(0.95), At(0.99), setup.Elapsed);
    }
}
