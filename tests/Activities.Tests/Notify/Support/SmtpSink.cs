using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MimeKit;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify.Support;

/// <summary>
/// A real SMTP server on loopback: smtp_sink.py (aiosmtpd) started as a process, storing what arrives in a
/// temp folder. Python 3 with aiosmtpd is needed (Debian: python3-aiosmtpd, installed by .ci/run).
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process process;

    private SmtpSink(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }

    /// <summary>Debian's python3 first: the pyenv one on PATH lacks the Debian package's module.</summary>
    public static string? FindPython() =>
        new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(python => Runs(python, "-c", "import aiosmtpd"));

    /// <summary>A started sink. Without aiosmtpd the test is skipped on a developer's machine and fails on CI (variable CI set).</summary>
    public static async Task<SmtpSink> StartOrSkipAsync()
    {
        var python = FindPython();
        if (python is null)
        {
            const string missing = "python3 with aiosmtpd is not installed (apt-get install python3-aiosmtpd; .ci/run installs it)";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                throw new InvalidOperationException(missing + " — required on CI.");
            Skip.If(true, missing);
        }
        return await StartAsync(python!);
    }

    public static async Task<SmtpSink> StartAsync(string python)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("rjh-smtp-sink-").FullName;
        var info = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-u", Path.Combine(Here(), "smtp_sink.py"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {python}.");
        var sink = new SmtpSink(process, port, folder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            sink.Dispose();
            throw new InvalidOperationException($"The SMTP sink did not start: {line} {error}");
        }
        return sink;
    }

    /// <summary>Every message received so far: envelope sender, envelope recipients and the parsed message.</summary>
    public IReadOnlyList<(string From, string[] To, MimeMessage Message)> Received() =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(path =>
        {
            using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
            var to = envelope.RootElement.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToArray();
            return (envelope.RootElement.GetProperty("from").GetString()!, to, MimeMessage.Load(path));
        })];

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Runs(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            process.WaitForExit(20_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
