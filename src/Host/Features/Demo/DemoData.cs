using System.Text.Json;
using System.Text.Json.Serialization;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>
/// workflows/demo/demo-data.json. <see cref="Organisation"/> is kept as raw JSON because it is an HR export
/// (<c>{"units","people"}</c>) and goes through the register's own HR import unchanged.
/// </summary>
internal sealed record DemoData(JsonElement Organisation, IReadOnlyList<DemoDevice> Devices,
    IReadOnlyList<DemoSubscription> Subscriptions, IReadOnlyList<DemoExtension> Extensions,
    IReadOnlyList<DemoLoanPoolMinimum> LoanPoolMinimums)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<DemoData> ReadAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoData>(file, Json, ct)
            ?? throw new InvalidDataException($"The demo data file {path} is empty.");
    }
}

/// <param name="AssignedTo">Employee id of the holder: the device walks the lifecycle to Assigned, enrolled in MDM.</param>
/// <param name="LoanPool">Set apart for loans and swaps (stays InStock).</param>
/// <param name="LoanPoolSite">Where a loan-pool device is kept (one of <c>Register:LoanPool:Sites</c>).</param>
internal sealed record DemoDevice(string Imei, string? Serial, string Model, DeviceType Type, DateOnly? PurchaseDate,
    decimal? PriceSek, string? UnitId = null, string? AssignedTo = null, bool LoanPool = false, string? LoanPoolSite = null);

internal sealed record DemoSubscription(string Msisdn, string Operator, SimKind Sim, SubscriptionUsage Usage, string? EmployeeId,
    string? DeviceImei);

/// <param name="UnitId">The unit that answers the extension. The register has no unit link for extensions yet, so only the
/// switchboard simulator gets it (a function extension, e.g. a ward's shared one, has no person).</param>
internal sealed record DemoExtension(string Number, string Switchboard, string? EmployeeId, string? DeviceImei, string? UnitId);

internal sealed record DemoLoanPoolMinimum(string Model, int Minimum);
