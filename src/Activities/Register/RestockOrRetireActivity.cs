using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// A wiped device goes back to stock, or is retired when it was bought more than <c>maxAgeYears</c> (default 4) ago:
/// older phones are not worth handing out again. A device without a purchase date goes back to stock (nothing says it is old).
/// </summary>
[Activity("Register.RestockOrRetire", Category = "Register", DisplayNameSv = "Till lager eller skrotning", DisplayNameEn = "Restock or retire",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "En rensad enhet går tillbaka till lagret, eller skrotas om den är äldre än maxAgeYears år.",
    DescriptionEn = "A wiped device goes back to stock, or is retired when older than maxAgeYears years.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id", DescriptionEn = "The device's id")]
[ActivityInput("maxAgeYears", ActivityValueType.Number, DescriptionSv = "Högsta ålder i år (standard 4)", DescriptionEn = "Maximum age in years (default 4)")]
[ActivityOutput("status", ActivityValueType.String, DescriptionSv = "InStock eller Retired", DescriptionEn = "InStock or Retired")]
public sealed class RestockOrRetireActivity(IDeviceRegister devices, TimeProvider time) : IActivity
{
    private const int DefaultMaxAgeYears = 4;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = context.RequiredGuid("deviceId");
        var oldest = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(-(context.OptionalInt("maxAgeYears") ?? DefaultMaxAgeYears));
        var device = await devices.GetAsync(RegisterUser.System, id, ct);
        var status = device.PurchaseDate is { } bought && bought < oldest ? DeviceStatus.Retired : DeviceStatus.InStock;
        var reason = status == DeviceStatus.Retired ? "För gammal för att lämnas ut igen" : "Rensad, tillbaka i lager";
        device = await devices.SetStatusAsync(RegisterUser.System, id, status, reason, context.IdempotencyKey, ct);
        return ActivityInputs.Outputs(("status", device.Status)) with { JournalNote = $"Device {device.Id} {device.Status}" };
    }
}
