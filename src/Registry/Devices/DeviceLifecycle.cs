using RJH.DeviceWorkflows.Registry.Operations;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>
/// The one table of allowed device status changes. Lost can be reached from anywhere (a device goes missing
/// in any state); everything else follows the process: stock → reserved → enrolled → assigned, repair and
/// back (or scrapped), returned → wiped → stock again or retired, and loans from stock.
/// </summary>
public static class DeviceLifecycle
{
    private static readonly TransitionTable<DeviceStatus> Table = new("En mobilenhet", WithLost(new()
    {
        [DeviceStatus.InStock] = [DeviceStatus.Reserved, DeviceStatus.OnLoan],
        // Releasing a reservation (an order was cancelled) puts the device back in stock.
        [DeviceStatus.Reserved] = [DeviceStatus.Enrolled, DeviceStatus.InStock],
        [DeviceStatus.Enrolled] = [DeviceStatus.Assigned],
        [DeviceStatus.Assigned] = [DeviceStatus.InRepair, DeviceStatus.Returned],
        // A device the repair shop scraps leaves service from repair (the swap workflow's "Scrapped").
        [DeviceStatus.InRepair] = [DeviceStatus.Assigned, DeviceStatus.Retired],
        [DeviceStatus.Returned] = [DeviceStatus.Wiped],
        [DeviceStatus.Wiped] = [DeviceStatus.InStock, DeviceStatus.Retired],
        [DeviceStatus.OnLoan] = [DeviceStatus.InStock],
        [DeviceStatus.Retired] = [],
        [DeviceStatus.Lost] = [],
    }));

    public static IReadOnlyList<DeviceStatus> AllowedFrom(DeviceStatus from) => Table.AllowedFrom(from);

    public static bool IsAllowed(DeviceStatus from, DeviceStatus to) => Table.IsAllowed(from, to);

    /// <exception cref="RegisterTransitionException">Naming the statuses that are allowed.</exception>
    public static void Ensure(DeviceStatus from, DeviceStatus to) => Table.Ensure(from, to);

    private static Dictionary<DeviceStatus, DeviceStatus[]> WithLost(Dictionary<DeviceStatus, DeviceStatus[]> next) =>
        next.ToDictionary(e => e.Key, e => e.Key == DeviceStatus.Lost ? e.Value : [.. e.Value, DeviceStatus.Lost]);
}
