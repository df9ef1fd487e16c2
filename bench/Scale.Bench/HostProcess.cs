using System.Diagnostics;
using System.Globalization;

namespace RJH.DeviceWorkflows.Scale.Bench;

/// <summary>One Host in a child process of its own: its own runtime, thread pool, GC and connection pool, as on a server.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(int number, IEnumerable<string> settings)
    {
        Number = number;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(HostProcess).Assembly.Location);
        start.ArgumentList.Add(BenchHost.Verb);
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"host {number} exited with {process.ExitCode}"));
    }

    public int Number { get; }

    public string Url { get; private set; } = "";

    /// <summary>Methods the host's JIT has compiled so far (tiered recompilations included), as it last reported.</summary>
    public long JitCompiledMethods => Interlocked.Read(ref jitCompiledMethods);

    private long jitCompiledMethods;

    public TimeSpan CpuTime
    {
        get { process.Refresh(); return process.TotalProcessorTime; }
    }

    public long WorkingSetBytes
    {
        get { process.Refresh(); return process.WorkingSet64; }
    }

    /// <summary>Open file descriptors (sockets included): what a handle leak would grow.</summary>
    public int Handles => Directory.GetFiles($"/proc/{process.Id}/fd").Length;

    public int Threads
    {
        get { process.Refresh(); return process.Threads.Count; }
    }

    public static async Task<HostProcess> StartAsync(int number, IEnumerable<string> settings)
    {
        var host = new HostProcess(number, settings);
        host.Url = await host.ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
        return host;
    }

    private void Echo(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(BenchHost.Ready, StringComparison.Ordinal)) ready.TrySetResult(line[BenchHost.Ready.Length..].Trim());
        else if (line.StartsWith(BenchHost.Jit, StringComparison.Ordinal))
            Interlocked.Exchange(ref jitCompiledMethods, long.Parse(line.AsSpan(BenchHost.Jit.Length), CultureInfo.InvariantCulture));
        else Console.WriteLine($"    [host {Number}] {line}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)); }
            catch (TimeoutException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }
}
