using System.Diagnostics;

namespace RJH.DeviceWorkflows.Bench;

/// <summary>
/// What the benchmark process itself spent between two points: CPU time of all its threads, bytes allocated, and how
/// long the garbage collector held every thread (on SQLite's one writer a pause stops all commands, not just one).
/// </summary>
public sealed class ProcessCost
{
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocated = GC.GetTotalAllocatedBytes(precise: true);
    private readonly TimeSpan paused = GC.GetTotalPauseDuration();
    private readonly int collections = GC.CollectionCount(0);

    private ProcessCost() { }

    public static ProcessCost Start() => new();

    public Spent Stop() => new(
        (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated,
        (GC.GetTotalPauseDuration() - paused).TotalSeconds, GC.CollectionCount(0) - collections);

    /// <param name="Collections">Garbage collections of any generation (each one collects generation 0 too).</param>
    public sealed record Spent(double CpuSeconds, long AllocatedBytes, double GcPauseSeconds, int Collections);
}
