using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Tests.Durability;

/// <summary>
/// The TestHost (the real Host plus test activities) as a separate OS process on a loopback port,
/// so a test can kill it with SIGKILL and start it again on the same database.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringWriter output = new();
    public Uri BaseAddress { get; }

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(TestHostDll());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString());
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // As the in-process test hosts: no demo organisation unless a test asks for it (--Demo:Seed=true wins).
        info.Environment["Demo__Seed"] = "false";
        info.Environment["RateLimits__SignIn__PermitLimit"] = "100000";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the test host.");
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => { lock (host.output) host.output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (host.output) host.output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
        return host;
    }

    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>SIGKILL: no graceful shutdown, nothing flushed.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<HttpClient> ClientForAsync(string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/demo-token", new { user });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The test host exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The test host did not become healthy within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string TestHostDll()
    {
        // tests/Host.Tests/bin/<Configuration>/net10.0 → tests/TestHost/bin/<Configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "TestHost", "bin", configuration, here.Name, "RJH.DeviceWorkflows.TestHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/TestHost first (the test project references it).", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
