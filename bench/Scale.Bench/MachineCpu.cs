namespace RJH.DeviceWorkflows.Scale.Bench;

/// <summary>The whole machine's CPU counters from /proc/stat: the hosts and PostgreSQL share the same cores.</summary>
internal sealed record MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat")) return new MachineCpu(0, 0);
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = ticks[3] + ticks[4]; // idle + iowait
        return new MachineCpu(ticks.Sum() - idle, ticks.Sum());
    }

    public double BusySince(MachineCpu before) =>
        Total == before.Total ? 0 : (double)(Busy - before.Busy) / (Total - before.Total);
}
