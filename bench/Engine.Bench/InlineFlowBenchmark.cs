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

        // Warm-up with the same workers: the JIT's tiers (a method is compiled again, optimised, after some thirty
        // calls and again after profiling), the connection pool, prepared scripts. Fifty starts left most of the engine
        // in its first, unoptimised tier: the first ten seconds then cost 2.0–2.7 ms of CPU per instance, a steady
        // state 0.8 ms (2026-12-06). Five seconds were not enough either: with both cores busy the JIT's background
        // thread kept compiling for some fifteen seconds (the process's perf map grew from 21,000 to 26,000 methods, then
        // stopped), and during a measurement after five seconds of warm-up it took 16 % of the process's CPU.
        await RunWorkersAsync(options.Workers, TimeSpan.FromSeconds(options.WarmupSeconds), async () =>
            await host.Engine.StartAsync(request, EngineHost.Admin));

        using var batches = new GroupCommitBatches();
        var completed = 0;
        var failed = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pausedBefore = GC.GetTotalPauseDuration();
        var elapsed = await RunWorkersAsync(options.Workers, TimeSpan.FromSeconds(options.Seconds), async () =>
        {
            var instance = await host.Engine.StartAsync(request, EngineHost.Admin);
            if (instance.Status == "Completed") Interlocked.Increment(ref completed);
            else Interlocked.Increment(ref failed);
        });
        if (failed > 0) Console.WriteLine($"  ({failed} instances did not complete)");
        Console.WriteLine($"  group commit: {batches.Transactions} transactions, {batches.Average:F1} commands per transaction");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Console.WriteLine($"  allocated {allocated / Math.Max(1, completed) / 1024.0:F0} KB per instance; collections gen0/1/2 " +
            $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}, " +
            $"paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms of {elapsed.TotalMilliseconds:F0} ms");
        return (completed / elapsed.TotalSeconds, completed == 0 ? TimeSpan.Zero : cpu / completed);
    }

    /// <returns>How long the workers ran: until <paramref name="duration"/> had passed and each finished its start.</returns>
    private static async Task<TimeSpan> RunWorkersAsync(int workers, TimeSpan duration, Func<Task> start)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration) await start();
        })));
        return clock.Elapsed;
    }
}

/// <summary>The engine's group-commit batch sizes (rjh.engine.group_commit.batch_size) while it lives.</summary>
internal sealed class GroupCommitBatches : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener listener = new();
    private long transactions;
    private long commands;

    public GroupCommitBatches()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "RJH.DeviceWorkflows.Engine" && instrument.Name == "rjh.engine.group_commit.batch_size")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref transactions);
            Interlocked.Add(ref commands, size);
        });
        listener.Start();
    }

    public long Transactions => Interlocked.Read(ref transactions);
    public double Average => Transactions == 0 ? 0 : (double)Interlocked.Read(ref commands) / Transactions;

    public void Dispose() => listener.Dispose();
}
