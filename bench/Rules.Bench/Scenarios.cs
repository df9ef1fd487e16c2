using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules.Bench;

/// <summary>
/// Facts that between them reach every line of the entitlement table, so the figure is not that of
/// one lucky path (line 1 decides after one rule; line 7 only after all eight).
/// </summary>
internal static class Scenarios
{
    public static DeviceFacts[] Typed { get; } =
    [
        Facts(new Employee { Id = "e1" }, Request(DeviceType.Phone, RequestReason.Replacement)),
        Facts(new Employee { Id = "e2", ActiveDevices = [DeviceType.Phone] }, Request(DeviceType.Phone, RequestReason.New)),
        Facts(new Employee { Id = "e3" }, Request(DeviceType.Phone, RequestReason.New, underRollout: true), Rollout.Voluntary),
        Facts(new Employee { Id = "e4", Roles = ["Nurse", "Manager"] }, Request(DeviceType.Tablet, RequestReason.New)),
        Facts(new Employee { Id = "e5", WorksAcrossLargeArea = true }, Request(DeviceType.Phone, RequestReason.New)),
        Facts(new Employee { Id = "e6", SharesExtension = true }, Request(DeviceType.Phone, RequestReason.New)),
        Facts(new Employee { Id = "e7", SharesExtension = true }, Request(DeviceType.Tablet, RequestReason.New)),
        Facts(new Employee { Id = "e8", Roles = ["Nurse"] }, Request(DeviceType.Phone, RequestReason.New)),
    ];

    /// <summary>The same facts as the API receives them.</summary>
    public static JsonElement[] Json { get; } = Typed.Select(f => JsonSerializer.SerializeToElement(f, FactsReader.Options)).ToArray();

    private static DeviceFacts Facts(Employee employee, DeviceRequest request, Rollout rollout = Rollout.None) => new()
    {
        Employee = employee,
        Unit = new Unit { Id = "unit-7", AreaId = "area-3", AdministrationId = "adm-2", Rollout = rollout },
        Request = request,
    };

    private static DeviceRequest Request(DeviceType type, RequestReason reason, bool underRollout = false) =>
        new() { DeviceType = type, Reason = reason, UnderRollout = underRollout };
}
