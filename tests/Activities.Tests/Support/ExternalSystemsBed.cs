using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Activities.Mdm;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Tests.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Support;

/// <summary>
/// The MDM, operator and telephony activities as the Host wires them: the three simulators (no latency, failing as
/// often as asked) and the real register on a migrated SQLite file with the small organisation of the register's tests.
/// </summary>
internal sealed class ExternalSystemsBed : IAsyncDisposable
{
    public const string Erik = "E300";
    public const string Maja = "E400";

    private static int imeis;

    private ExternalSystemsBed(TempRegister register) => Register = register;

    public TempRegister Register { get; }
    public SimulatedMdmClient Mdm => Register.Services.GetRequiredService<SimulatedMdmClient>();
    public SimulatedOperatorClient Operator => Register.Services.GetRequiredService<SimulatedOperatorClient>();
    public SimulatedTelephonyClient Telephony => Register.Services.GetRequiredService<SimulatedTelephonyClient>();

    /// <param name="failureRate">Adapters:*:Simulator:FailureRate of all three simulators.</param>
    public static async Task<ExternalSystemsBed> CreateAsync(double failureRate = 0)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var system in new[] { "Mdm", "Operator", "Telephony" })
        {
            settings[$"Adapters:{system}:Mode"] = "Simulator";
            settings[$"Adapters:{system}:Simulator:Latency"] = "00:00:00";
            settings[$"Adapters:{system}:Simulator:FailureRate"] = failureRate.ToString(CultureInfo.InvariantCulture);
            settings[$"Adapters:{system}:Simulator:Seed"] = "1";
        }
        settings["Adapters:Operator:Name"] = "Telia";
        var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite, settings,
            (services, configuration) => services.AddAdapters(configuration).AddExternalSystemActivities()).WithOrgAsync();
        return new ExternalSystemsBed(register);
    }

    /// <summary>Runs the activity as a job would, under <paramref name="key"/> (the job's idempotency key).</summary>
    public Task<ActivityResult> RunAsync<TActivity>(string key, params (string Name, object? Value)[] inputs) where TActivity : IActivity =>
        Register.Services.GetRequiredService<TActivity>().ExecuteAsync(Context(key, inputs), CancellationToken.None);

    public static ActivityContext Context(string key, params (string Name, object? Value)[] inputs) =>
        new(Guid.NewGuid(), null, "step", key, inputs.ToDictionary(i => i.Name,
            i => i.Value is null ? null : (JsonNode?)JsonValue.Create(Convert.ToString(i.Value, CultureInfo.InvariantCulture))));

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public Task<DeviceView> DeviceAsync(Guid id) => Register.Devices.GetAsync(RegisterUser.System, id);

    /// <summary>A new phone in the register, taken from stock for someone (Reserved), not yet known to the MDM.</summary>
    public async Task<DeviceView> ReservedDeviceAsync()
    {
        var imei = RJH.DeviceWorkflows.Testing.TestImei.For(500_000 + Interlocked.Increment(ref imeis));
        var device = await Register.Devices.RegisterAsync(RegisterUser.System, new NewDevice(imei, null, "iPhone 15", DeviceType.Phone));
        return await Register.Devices.SetStatusAsync(RegisterUser.System, device.Id, DeviceStatus.Reserved, null);
    }

    /// <summary>A reserved device enrolled for the person through the activity: Enrolled, known to the simulated MDM.</summary>
    public async Task<DeviceView> EnrolledDeviceAsync(string employeeId = Erik)
    {
        var device = await ReservedDeviceAsync();
        await RunAsync<EnrollDeviceActivity>(NewKey(), ("deviceId", device.Id), ("employeeId", employeeId));
        return await DeviceAsync(device.Id);
    }

    /// <summary>An enrolled device handed to the person and given back: Returned, still known to the MDM.</summary>
    public async Task<DeviceView> ReturnedDeviceAsync(string employeeId = Erik)
    {
        var device = await EnrolledDeviceAsync(employeeId);
        await Register.Devices.AssignAsync(RegisterUser.System, device.Id, employeeId);
        return await Register.Devices.MarkReturnedAsync(RegisterUser.System, device.Id, null);
    }

    /// <summary>A device the register knows with an MDM id, enrolled in the simulator by seeding (no latency, no failures).</summary>
    public async Task<DeviceView> SeededEnrolledDeviceAsync()
    {
        var device = await ReservedDeviceAsync();
        var seeded = Mdm.SeedDevice(device.Imei, null, "erik@rjh.se");
        return await Register.Devices.RecordMdmAsync(RegisterUser.System, device.Id,
            new MdmReport(MdmState.Enrolled, true, ActivationLock.On, seeded.Id));
    }

    /// <summary>Audit entries of one register record, newest first.</summary>
    public async Task<IReadOnlyList<string>> AuditActionsAsync(string entity, Guid id) =>
        [.. (await Register.Audit.ReadAsync(entity, id.ToString(), RegisterUser.System, 100)).Select(e => e.Action)];

    public static async Task<AdapterUnavailableException> UnavailableAsync(Func<Task> run) =>
        await Assert.ThrowsAsync<AdapterUnavailableException>(run);

    public ValueTask DisposeAsync() => Register.DisposeAsync();
}
