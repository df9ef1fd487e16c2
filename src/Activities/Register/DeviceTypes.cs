using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

internal static class DeviceTypes
{
    /// <summary>The register's type of the requested one: a data-only phone is a phone (its subscription makes the difference).</summary>
    public static DeviceType Physical(this ActivityContext context, string name) =>
        context.RequiredEnum<OrderedDeviceType>(name) == OrderedDeviceType.Tablet ? DeviceType.Tablet : DeviceType.Phone;
}
