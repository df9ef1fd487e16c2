using System.Diagnostics;

namespace RJH.DeviceWorkflows.Bench;

/// <summary>What the benchmark process itself spent between two points: CPU time of all its threads and bytes allocated.</summary>
public sealed class ProcessCost
{
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocated = GC.GetTotalAllocatedBytes();

    private ProcessCost() { }

    public static ProcessCost Start() => new();

    public (double CpuSeconds, long AllocatedBytes) Stop() =>
        ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.GetTotalAllocatedBytes() - allocated);
}
