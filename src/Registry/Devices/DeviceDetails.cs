using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>Everything the register knows about one device, for the device page.</summary>
public interface IDeviceDetails
{
    /// <exception cref="RegisterNotFoundException">Unknown, or not visible to <paramref name="user"/>.</exception>
    Task<DeviceDetails> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default);
}

/// <param name="Device">With its assignments (loans among them), newest first.</param>
/// <param name="People">Names of the holder and of everyone in <see cref="DeviceView.Assignments"/>, by employee id.</param>
/// <param name="History">The device's audit trail, newest first, as far as the caller may read it.</param>
/// <param name="InstanceIds">Process instances whose steps changed the device (from their operation keys), newest first.</param>
/// <param name="AllowedStatuses">The statuses the lifecycle allows from the current one.</param>
public sealed record DeviceDetails(DeviceView Device, string? UnitName, IReadOnlyDictionary<string, string> People,
    IReadOnlyList<SubscriptionView> Subscriptions, IReadOnlyList<ExtensionView> Extensions, IReadOnlyList<AuditEntryView> History,
    IReadOnlyList<Guid> InstanceIds, IReadOnlyList<DeviceStatus> AllowedStatuses);
