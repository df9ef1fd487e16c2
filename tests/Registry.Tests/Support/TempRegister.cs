using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Telephony;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Registry.Tests.Support;

/// <summary>
/// The register as the Host registers it (<c>AddRegister</c>), migrated, on a SQLite file in a temp folder or a
/// fresh database on the run's PostgreSQL cluster, with a fake clock and recording loan-pool alerts.
/// </summary>
internal sealed class TempRegister : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string? folder;

    private TempRegister(DatabaseKind kind, string connectionString, string? folder, ServiceProvider provider, FakeTimeProvider time,
        RecordingAlerts alerts)
    {
        Time = time;
        Alerts = alerts;
        Kind = kind;
        ConnectionString = connectionString;
        this.folder = folder;
        this.provider = provider;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Time { get; }
    public RecordingAlerts Alerts { get; }
    public IDeviceRegister Devices => provider.GetRequiredService<IDeviceRegister>();
    public IDeviceSearch Search => provider.GetRequiredService<IDeviceSearch>();
    public IDeviceDetails Details => provider.GetRequiredService<IDeviceDetails>();
    public ISubscriptionRegister Subscriptions => provider.GetRequiredService<ISubscriptionRegister>();
    public IExtensionRegister Extensions => provider.GetRequiredService<IExtensionRegister>();
    public ILoanPool LoanPool => provider.GetRequiredService<ILoanPool>();
    public IOrgRegister Org => provider.GetRequiredService<IOrgRegister>();
    public IDeviceOrders Orders => provider.GetRequiredService<IDeviceOrders>();
    public IRegisterImports Imports => provider.GetRequiredService<IRegisterImports>();
    public IRegisterDirectory Directory => provider.GetRequiredService<IRegisterDirectory>();
    public IAuditSource Audit => provider.GetRequiredService<IAuditSource>();

    /// <summary>Other parts' services on the same provider (the activities' tests resolve adapters and activities here).</summary>
    public IServiceProvider Services => provider;

    /// <param name="settings">More configuration, e.g. the adapters' settings.</param>
    /// <param name="addServices">Services added after the register's, e.g. <c>AddAdapters</c>.</param>
    public static async Task<TempRegister> CreateAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IConfiguration>? addServices = null)
    {
        string connectionString;
        string? folder = null;
        if (kind == DatabaseKind.PostgreSql)
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            connectionString = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "rjh-register-" + Guid.NewGuid().ToString("N"));
            connectionString = $"Data Source={Path.Combine(folder, "data", "rjh.db")}";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var alerts = new RecordingAlerts();
        services.AddSingleton<TimeProvider>(time).AddSingleton<ILoanPoolAlerts>(alerts).AddRegister(configuration);
        addServices?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        await provider.MigrateRegisterAsync();
        return new TempRegister(kind, connectionString, folder, provider, time, alerts);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (Kind == DatabaseKind.PostgreSql)
        {
            await (await PostgresCluster.GetAsync()).DropDatabaseAsync(ConnectionString);
            return;
        }
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        try { System.IO.Directory.Delete(folder!, recursive: true); }
        catch (IOException) { }
    }
}

internal sealed class RecordingAlerts : ILoanPoolAlerts
{
    public List<LoanPoolShortage> Shortages { get; } = [];

    /// <summary>The alerts whose model went below its minimum, as (model, available, minimum).</summary>
    public List<(string Model, int Available, int Minimum)> Raised
    {
        get
        {
            lock (Shortages)
                return Shortages.Where(s => s.ModelLevel is not null).Select(s => (s.Model, s.ModelLevel!.Available, s.ModelLevel.Minimum)).ToList();
        }
    }

    public Task BelowMinimumAsync(LoanPoolShortage shortage, CancellationToken ct = default)
    {
        lock (Shortages) Shortages.Add(shortage);
        return Task.CompletedTask;
    }
}
