using System.Diagnostics;

namespace RJH.DeviceWorkflows.Rules.Bench;

/// <summary>
/// Runs one scenario on the calling thread: a warm-up (so tiered JIT and caches settle), then as many
/// calls as fit in the measuring time, in batches so the clock is read rarely.
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
        var (calls, elapsed) = await LoopAsync(call, duration);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Result(name, calls, elapsed, allocated / (double)calls, GC.CollectionCount(0) - collectionsBefore);
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

    public sealed record Result(string Name, long Calls, TimeSpan Elapsed, double BytesPerCall, int Gen0Collections)
    {
        public double PerSecond => Calls / Elapsed.TotalSeconds;

        public override string ToString() =>
            $"{Name,-38} {PerSecond,12:N0} decisions/s  {1_000_000 / PerSecond,7:N2} µs  {BytesPerCall,8:N0} B/decision  ({Calls:N0} in {Elapsed.TotalSeconds:N1} s, {Gen0Collections} gen0 GCs)";
    }
}
