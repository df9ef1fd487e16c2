using System.Diagnostics;
using System.Text;

namespace RJH.DeviceWorkflows.Engine.Bench;

/// <summary>P1: a start event, ten inline service tasks and an end event; each instance is one command.</summary>
internal static class InlineFlowBenchmark
{
    public static string Model()
    {
        var steps = new StringBuilder();
        var flows = new StringBuilder();
        var previous = "start";
        for (var i = 1; i <= 10; i++)
        {
            steps.Append($"""<bpmn:serviceTask id="s{i}" rjh:activity="SetVariables"><bpmn:extensionElements><rjh:input name="step{i}" expression="(vars.step{i - 1} || 0) + 1" /></bpmn:extensionElements></bpmn:serviceTask>""");
            flows.Append($"""<bpmn:sequenceFlow id="f{i}" sourceRef="{previous}" targetRef="s{i}" />""");
            previous = $"s{i}";
        }
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="bench">
              <bpmn:process id="p1-inline" isExecutable="true" rjh:starterRoles="Employee">
                <bpmn:startEvent id="start" />{steps}<bpmn:endEvent id="end" />{flows}<bpmn:sequenceFlow id="f11" sourceRef="s10" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    }

    /// <returns>Completed instances per second, and this process's CPU time per instance (the engine's cost, and on SQLite the database's too) — a figure that holds even when other work shares the cores.</returns>
    public static async Task<(double PerSecond, TimeSpan CpuPerInstance)> RunAsync(BenchDatabase database, BenchOptions options)
    {
        await using var host = await EngineHost.StartAsync(database);
        await host.Engine.DeployAsync(Model(), publish: true, EngineHost.Admin);
        var request = new Runtime.StartInstance("p1-inline", null, null);

        // Warm-up: JIT, connection pool, prepared scripts.
        for (var i = 0; i < 50; i++) await host.Engine.StartAsync(request, EngineHost.Admin);

        var completed = 0;
        var failed = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pausedBefore = GC.GetTotalPauseDuration();
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            while (deadline.Elapsed < duration)
            {
                var instance = await host.Engine.StartAsync(request, EngineHost.Admin);
                if (instance.Status == "Completed") Interlocked.Increment(ref completed);
                else Interlocked.Increment(ref failed);
            }
        })));
        if (failed > 0) Console.WriteLine($"  ({failed} instances did not complete)");
        var elapsed = deadline.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Console.WriteLine($"  allocated {allocated / Math.Max(1, completed) / 1024.0:F0} KB per instance; collections gen0/1/2 " +
            $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}, " +
            $"paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms of {elapsed.TotalMilliseconds:F0} ms");
        return (completed / elapsed.TotalSeconds, completed == 0 ? TimeSpan.Zero : cpu / completed);
    }
}
