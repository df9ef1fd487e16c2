using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Support;

/// <summary>
/// The real Host on Kestrel (loopback, a free port) with the demo organisation, the shipped workflows, fast
/// simulators and mails as files; its controllable clock starts at <see cref="ClockStart"/>, whatever day it runs.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    /// <summary>Monday 7 December 2026, 09:00 in Stockholm (<see cref="RJH.DeviceWorkflows.Testing.TestClock"/>): a working morning.</summary>
    public static readonly DateTimeOffset ClockStart = RJH.DeviceWorkflows.Testing.TestClock.Start;

    private WebApp(HostFactory host, string baseUrl)
    {
        Host = host;
        BaseUrl = baseUrl;
    }

    public HostFactory Host { get; }
    public string BaseUrl { get; }
    public string MailFolder => Path.Combine(Host.Directory, "mail");

    public static WebApp Start(params (string Key, string? Value)[] overrides)
    {
        var directory = HostFactory.NewDirectory();
        (string, string?)[] settings =
        [
            ("Engine:ClockStart", ClockStart.ToString("O")),
            ("Mail:Folder", Path.Combine(directory, "mail")),
            ("Engine:Jobs:BaseDelay", "00:00:00.050"),
            ("Engine:Jobs:MaxDelay", "00:00:00.500"),
            ("Adapters:Mdm:Simulator:Latency", "00:00:00"),
            ("Adapters:Operator:Simulator:Latency", "00:00:00"),
            ("Adapters:Telephony:Simulator:Latency", "00:00:00"),
            ("Adapters:Supplier:Simulator:Latency", "00:00:00"),
            .. overrides,
        ];
        var host = HostFactory.WithDemo(directory, settings);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        // Kestrel reports the wildcard or [::1]; the browser should use plain loopback.
        return new WebApp(host, new UriBuilder(address) { Host = "127.0.0.1" }.Uri.ToString().TrimEnd('/'));
    }

    /// <summary>An API client as a demo user, for a test's set-up and its checks of what the pages did.</summary>
    public async Task<HttpClient> ApiAs(string user)
    {
        var client = await Host.ClientFor(user);
        return client;
    }

    public async Task<JsonObject> GetJsonAsync(string user, string path)
    {
        using var client = await ApiAs(user);
        return (await client.GetFromJsonAsync<JsonObject>(path))!;
    }

    public async Task<JsonArray> GetArrayAsync(string user, string path)
    {
        using var client = await ApiAs(user);
        return (await client.GetFromJsonAsync<JsonArray>(path))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Host.Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
