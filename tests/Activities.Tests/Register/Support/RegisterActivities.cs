using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.WorkEnvironment;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using TestOrg = RJH.DeviceWorkflows.Registry.Tests.Support.Org;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;

namespace RJH.DeviceWorkflows.Activities.Tests.Register.Support;

/// <summary>
/// The real register and work-environment services on a temporary SQLite file, migrated, with the register tests'
/// organisation (<see cref="TestOrg"/>) plus a safety representative (sara, E600, in AKUT-1) and HR (hanna, E700, in VC);
/// area OST is managed by anna (E100). A fake clock starts at 2026-11-24 09:00 UTC. Activities run as the engine runs
/// them: resolved from a scope, given an <see cref="ActivityContext"/> whose idempotency key is the operation key.
/// </summary>
internal sealed class RegisterActivities : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope services;
    private readonly string folder;
    private readonly string connectionString;

    private RegisterActivities(ServiceProvider provider, string folder, string connectionString)
    {
        this.provider = provider;
        services = provider.CreateAsyncScope();
        this.folder = folder;
        this.connectionString = connectionString;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A service for arranging and checking, from one scope that lives as long as the harness (the work-environment services are scoped).</summary>
    public T Get<T>() where T : notnull => services.ServiceProvider.GetRequiredService<T>();

    public IDeviceRegister Devices => Get<IDeviceRegister>();

    public static async Task<RegisterActivities> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rjh-activities-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "rjh.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        RegisterActivities? harness = null;
        services.AddSingleton<TimeProvider>(_ => harness!.Time);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddRegister(configuration).AddWorkEnvironment(configuration);
        services.AddRegisterActivities().AddWorkEnvironmentActivities();
        harness = new RegisterActivities(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), folder, connectionString);
        await harness.provider.MigrateRegisterAsync();
        await harness.provider.MigrateWorkEnvironmentAsync();
        var result = await harness.Get<IOrgRegister>().ImportAsync(RegisterUser.System, Organisation());
        Assert.Empty(result.Refused);
        return harness;
    }

    private static OrgSnapshot Organisation()
    {
        var snapshot = TestOrg.Snapshot(
            new NewPerson("E600", "sara.skyddsombud", "Sara Skyddsombud", null, "AKUT-1", "E100", Roles: ["SafetyRep", "Employee"]),
            new NewPerson("E700", "hanna.hr", "Hanna HR", null, "VC", "E200", Roles: ["HR", "Employee"]));
        return snapshot with
        {
            Units = [.. snapshot.Units.Select(u => u.Value.Id == "OST" ? u with { Value = u.Value with { ManagerEmployeeId = "E100" } } : u)],
        };
    }

    /// <summary>Runs the activity with inputs given as an anonymous object (camelCase names as in BPMN).</summary>
    public async Task<ActivityResult> RunAsync<TActivity>(object inputs, string? key = null) where TActivity : IActivity
    {
        var json = JsonSerializer.SerializeToNode(inputs, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        var context = new ActivityContext(Guid.NewGuid(), null, typeof(TActivity).Name, key ?? Guid.NewGuid().ToString("N"),
            json.ToDictionary(p => p.Key, p => p.Value?.DeepClone()));
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TActivity>().ExecuteAsync(context, CancellationToken.None);
    }

    /// <summary>A phone in stock (optionally bought on a date), registered as Servicecenter would.</summary>
    public async Task<Guid> StockPhoneAsync(int n, DateOnly? bought = null, DeviceType type = DeviceType.Phone) =>
        (await Devices.RegisterAsync(RegisterUser.System, new NewDevice(TestOrg.Imei(n), null, "iPhone 15", type, PurchaseDate: bought))).Id;

    /// <summary>A phone assigned to the person: registered, reserved, enrolled, assigned.</summary>
    public async Task<Guid> AssignedPhoneAsync(int n, string employeeId)
    {
        var id = (await Devices.RegisterAsync(RegisterUser.System, new NewDevice(TestOrg.Imei(n), null, "iPhone 15", DeviceType.Phone,
            Status: DeviceStatus.Enrolled))).Id;
        await Devices.AssignAsync(RegisterUser.System, id, employeeId);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await provider.DisposeAsync();
        using (var connection = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(connection);
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}

internal static class ResultJson
{
    public static JsonNode Output(this ActivityResult result, string name) =>
        result.Outputs.TryGetValue(name, out var value) && value is not null ? value : throw new Xunit.Sdk.XunitException($"No output '{name}'.");

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
