using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary><c>Adapters:Supplier</c>.</summary>
public sealed class SupplierOptions : RestAdapterOptions
{
    public const string Section = "Adapters:Supplier";

    /// <summary>
    /// Simulator only: deliver each new order by itself after this long and report it to the
    /// <see cref="ISupplierDeliveryListener"/>s, so a demo runs end to end. Unset: orders wait for
    /// <see cref="SimulatedSupplierClient.DeliverAsync"/>.
    /// </summary>
    public TimeSpan? AutoDeliverAfter { get; set; }

    public bool HasValidAutoDelivery => AutoDeliverAfter is null || AutoDeliverAfter > TimeSpan.Zero;
}
