using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>
/// The real Host on a test server, with its own temporary directory: a real SQLite file, its own
/// Data Protection keys and the controllable clock. One per test class (<c>IClassFixture&lt;HostFactory&gt;</c>).
/// The demo organisation is not seeded (tests import their own); <c>WithDemo()</c> seeds it as the embedded default does.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly bool ownsDirectory;
    private Action<IServiceCollection>? testServices;

    public HostFactory() : this(NewDirectory(), "Development", [], ownsDirectory: true) { }

    private HostFactory(string directory, string environment, IEnumerable<KeyValuePair<string, string?>> overrides,
        bool ownsDirectory)
    {
        Directory = directory;
        this.environment = environment;
        this.ownsDirectory = ownsDirectory;
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "rjh.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
            ["Forms:VersionsFolder"] = Path.Combine(directory, "forms"),
            ["Authentication:Mode"] = "Demo",
            ["Engine:ControllableClock"] = "true",
            // A named day, not today's: no test depends on the day it runs.
            ["Engine:ClockStart"] = TestClock.Start.ToString("O"),
            ["Demo:Seed"] = "false",
            // Tests sign in, evaluate and import far faster than people; RateLimitTests set their own limits.
            ["RateLimits:SignIn:PermitLimit"] = "100000",
            ["RateLimits:Evaluate:PermitLimit"] = "100000",
            ["RateLimits:Import:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
    }

    /// <summary>The test's data directory (SQLite file, keys).</summary>
    public string Directory { get; }

    /// <summary>A host with other settings; on <paramref name="directory"/> (owned by the caller) to simulate a restart.</summary>
    public static HostFactory With(string? directory = null, string environment = "Development",
        params (string Key, string? Value)[] overrides) =>
        new(directory ?? NewDirectory(), environment, overrides.Select(o => KeyValuePair.Create(o.Key, o.Value)),
            ownsDirectory: directory is null);

    /// <summary>As <see cref="With"/>, seeding the demo organisation (docs/demo-data.md) into an empty register.</summary>
    public static HostFactory WithDemo(string? directory = null, params (string Key, string? Value)[] overrides) =>
        With(directory, "Development", [("Demo:Seed", "true"), .. overrides]);

    /// <summary>Adds services after the Host's own (test activities, say); call before the first request.</summary>
    public HostFactory ConfigureTestServices(Action<IServiceCollection> configure)
    {
        testServices += configure;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (testServices is { } configure) builder.ConfigureTestServices(configure);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDirectory) return;
        // Pooled SQLite connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { } // a leftover temp directory must not fail a test run
        catch (UnauthorizedAccessException) { }
    }

    public static string NewDirectory() =>
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rjh-host-tests", Guid.NewGuid().ToString("N"))).FullName;
}
