using System.Diagnostics;

namespace RJH.DeviceWorkflows.Rules.Bench;

/// <summary>
/// Runs one scenario on the calling thread: a warm-up (so tiered JIT and caches settle), then as many
/// calls as fit in the measuring time, in batches so the clock is read rarely. Besides the wall clock it reads the
/// process's CPU time: on a machine others share, calls per CPU second still say what one core of our own would do.
/// </summary>
internal static class Measure
{
    private const int Batch = 256;

    public static async Task<Result> RunAsync(string name, Func<int, ValueTask> call, TimeSpan warmUp, TimeSpan duration)
    {
        await LoopAsync(call, warmUp);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = GC.CollectionCount(0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (calls, elapsed) = await LoopAsync(call, duration);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Result(name, calls, elapsed, cpu, allocated / (double)calls, GC.CollectionCount(0) - collectionsBefore);
    }

    private static async Task<(long Calls, TimeSpan Elapsed)> LoopAsync(Func<int, ValueTask> call, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < Batch; i++)
                await call((int)(calls + i));
            calls += Batch;
        }
        return (calls, watch.Elapsed);
    }

    public sealed record Result(string Name, long Calls, TimeSpan Elapsed, TimeSpan Cpu, double BytesPerCall, int Gen0Collections)
    {
        public double PerSecond => Calls / Elapsed.TotalSeconds;

        /// <summary>Calls per second of CPU time the process got (all its threads, on its one core).</summary>
        public double PerCpuSecond => Calls / Cpu.TotalSeconds;

        public override string ToString() =>
            $"{Name,-38} {PerSecond,12:N0} decisions/s  {PerCpuSecond,12:N0} per CPU s  {1_000_000 / PerCpuSecond,7:N2} µs CPU  {BytesPerCall,8:N0} B/decision  " +
            $"({Calls:N0} in {Elapsed.TotalSeconds:N1} s, {Cpu.TotalSeconds:N1} s CPU, {Gen0Collections} gen0 GCs)";
    }
}
