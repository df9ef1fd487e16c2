using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Features.Supplier;

/// <summary>
/// A simulated supplier's delivery becomes message <c>supplier-delivered</c>, as the real supplier's callback
/// to <c>POST /api/messages</c> would. The engine is looked up per delivery: the simulator is built while
/// activities are, so taking the engine in the constructor could close a dependency cycle.
/// </summary>
internal sealed class SupplierDeliveryListener(IServiceProvider services, ILogger<SupplierDeliveryListener> logger)
    : ISupplierDeliveryListener
{
    public async Task DeliveredAsync(SupplierOrder order, CancellationToken ct)
    {
        if (order.Device is not { } device) return;
        var engine = services.GetRequiredService<IWorkflowEngine>();
        var delivered = await engine.CorrelateMessageAsync(SupplierDeliveredMessage.Name, SupplierDeliveredMessage.CorrelationKey(order),
            SupplierDeliveredMessage.Variables(device), Caller.System, ct);
        if (delivered == 0)
            logger.LogWarning("Supplier order {SupplierOrderId} was delivered but no workflow waits for it", order.Id);
    }
}

internal static class SupplierFeature
{
    public static IServiceCollection AddSupplierFeature(this IServiceCollection services) =>
        services.AddSingleton<ISupplierDeliveryListener, SupplierDeliveryListener>();
}
