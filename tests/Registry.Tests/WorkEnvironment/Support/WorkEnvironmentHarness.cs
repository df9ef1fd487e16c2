using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;

/// <summary>
/// The work-environment services as the Host registers them, on a fresh SQLite file or a fresh database on the run's
/// PostgreSQL cluster, with the fake directory, a fake clock (10:00 Swedish time, 2026-03-02) and ephemeral keys.
/// </summary>
internal sealed class WorkEnvironmentHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;
    private readonly string? folder;

    private WorkEnvironmentHarness(DatabaseKind kind, string connectionString, string? folder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        this.folder = folder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IRegisterDirectory>(Directory);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddWorkEnvironment(configuration);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        scope = provider.CreateAsyncScope();
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public FakeRegisterDirectory Directory { get; } = new();
    public IRiskAssessmentService Assessments => scope.ServiceProvider.GetRequiredService<IRiskAssessmentService>();
    public IRemoteWorkAgreementService Agreements => scope.ServiceProvider.GetRequiredService<IRemoteWorkAgreementService>();
    public IAuditSource Audit => scope.ServiceProvider.GetRequiredService<IAuditSource>();

    public static async Task<WorkEnvironmentHarness> CreateAsync(DatabaseKind kind)
    {
        WorkEnvironmentHarness harness;
        if (kind == DatabaseKind.PostgreSql)
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            harness = new(kind, await (await PostgresCluster.GetAsync()).CreateDatabaseAsync(), folder: null);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "rjh-workenv-" + Guid.NewGuid().ToString("N"));
            harness = new(kind, $"Data Source={Path.Combine(folder, "data", "rjh.db")}", folder);
        }
        await harness.provider.MigrateWorkEnvironmentAsync();
        return harness;
    }

    /// <summary>Every column of every row of a table, as text: what someone with the database file would read.</summary>
    public async Task<IReadOnlyList<string>> RawRowsAsync(string table)
    {
        await using var db = await provider.GetRequiredService<IDbContextFactory<WorkEnvironmentDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i)))));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        if (Kind == DatabaseKind.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            await (await PostgresCluster.GetAsync()).DropDatabaseAsync(ConnectionString);
            return;
        }
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(folder!, recursive: true); }
        catch (IOException) { } // a leftover temp folder is not worth failing a test for
        catch (UnauthorizedAccessException) { }
    }
}
