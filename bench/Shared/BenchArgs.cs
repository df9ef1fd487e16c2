namespace RJH.DeviceWorkflows.Bench;

/// <summary>The benchmarks' command line: "--name value" pairs, each with a fallback.</summary>
internal static class BenchArgs
{
    public static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, ""), out var v) ? v : fallback;

    /// <summary>The machine's load average (1, 5, 15 minutes): printed beside each figure, since the cores are shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
