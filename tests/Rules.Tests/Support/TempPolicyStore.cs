using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>
/// A migrated SQLite file in a fresh temp folder (or a fresh database of the test run's PostgreSQL cluster), registered
/// as the Host does (<c>AddPolicyRules</c>), with a fake clock. Disposing deletes the folder (or drops the database).
/// </summary>
internal sealed class TempPolicyStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private TempPolicyStore(DatabaseKind kind, string folder, string connectionString, ServiceProvider provider, FakeTimeProvider time)
    {
        Kind = kind;
        Folder = folder;
        ConnectionString = connectionString;
        this.provider = provider;
        Time = time;
    }

    public DatabaseKind Kind { get; }
    public string Folder { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => provider;
    public IPolicyService Policies => provider.GetRequiredService<IPolicyService>();
    public IPolicyStore Store => provider.GetRequiredService<IPolicyStore>();

    public static async Task<TempPolicyStore> CreateAsync(string? seedFolder = null, DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rjh-policies-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(folder, "data", "rjh.db")}";
        if (kind == DatabaseKind.PostgreSql)
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            connectionString = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(), ["ConnectionStrings:Default"] = connectionString,
        };
        if (seedFolder is not null) settings["Policies:SeedFolder"] = seedFolder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddPolicyRules(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.MigratePolicyStoreAsync();
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
        return new TempPolicyStore(kind, folder, connectionString, provider, time);
    }

    /// <summary>A second service provider on the same file, as after a restart of the Host.</summary>
    public async Task<TempPolicyStore> RestartAsync(string? seedFolder = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Kind.ToString(), ["ConnectionStrings:Default"] = ConnectionString,
        };
        if (seedFolder is not null) settings["Policies:SeedFolder"] = seedFolder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddSingleton<TimeProvider>(Time).AddPolicyRules(configuration).BuildServiceProvider();
        await provider.MigratePolicyStoreAsync();
        return new TempPolicyStore(Kind, Folder, ConnectionString, provider, Time);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (Kind == DatabaseKind.PostgreSql)
        {
            await (await PostgresCluster.GetAsync()).DropDatabaseAsync(ConnectionString);
            return;
        }
        // Pooled connections keep the file open; close this database's ones before deleting it.
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A restarted provider may still hold the file; the temp folder is cleaned by the OS later.
        }
    }
}
