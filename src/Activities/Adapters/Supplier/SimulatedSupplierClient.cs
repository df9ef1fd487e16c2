using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary>
/// A supplier in memory, the embedded default: orders are placed at once and expected five days later; they are
/// shipped and delivered when a test or demo says so (<see cref="MarkShipped"/>, <see cref="DeliverAsync"/>), or by
/// themselves after <see cref="SupplierOptions.AutoDeliverAfter"/>. A delivery is reported to every
/// <see cref="ISupplierDeliveryListener"/>, as the real supplier calls the region back.
/// </summary>
public sealed class SimulatedSupplierClient : ISupplierClient, IDisposable
{
    private static readonly TimeSpan LeadTime = TimeSpan.FromDays(5);

    private readonly SimulatorCore _core;
    private readonly SimulatedRecords<SupplierOrder> _orders;
    private readonly TimeSpan? _autoDeliverAfter;
    private readonly IReadOnlyList<ISupplierDeliveryListener> _listeners;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _ordersIssued;
    private int _devicesIssued;

    public SimulatedSupplierClient(IOptions<SupplierOptions> options, TimeProvider time,
        IEnumerable<ISupplierDeliveryListener> listeners, ILogger<SimulatedSupplierClient>? logger = null)
    {
        _core = new SimulatorCore(AdapterSystems.Supplier, options.Value.Simulator, time);
        _orders = new SimulatedRecords<SupplierOrder>(_core, "order", o => o.Id, o => o.Status switch
        {
            SupplierOrderStatus.Delivered => _core.Refuse(AdapterErrorCodes.OrderDelivered, "The order has been delivered."),
            SupplierOrderStatus.Cancelled => _core.Refuse(AdapterErrorCodes.OrderCancelled, "The order has been cancelled."),
            _ => null,
        });
        _autoDeliverAfter = options.Value.AutoDeliverAfter;
        _listeners = [.. listeners];
        _logger = logger ?? NullLogger<SimulatedSupplierClient>.Instance;
    }

    public async Task<SupplierOrder> PlaceOrderAsync(SupplierOrderRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.OrderId) || string.IsNullOrWhiteSpace(request.Holder.EmployeeId) || !Enum.IsDefined(request.DeviceType))
            throw _core.Refuse(AdapterErrorCodes.InvalidRequest, "An order needs the region's order id, the employee id and a known device type.");
        var placedNow = false;
        var order = await _core.MutateAsync("place", idempotencyKey, () =>
        {
            placedNow = true;
            return _orders.Store(Create(request));
        }, ct);
        // A repeated key returns the first order, whose delivery is already under way.
        if (placedNow && _autoDeliverAfter is { } after)
            _ = DeliverLaterAsync(order.Id, after);
        return order;
    }

    public Task<SupplierOrder?> GetOrderAsync(string supplierOrderId, CancellationToken ct = default) =>
        _orders.GetAsync(supplierOrderId, ct);

    public Task<SupplierOrder> CancelOrderAsync(string supplierOrderId, string idempotencyKey, CancellationToken ct = default) =>
        _orders.ChangeAsync(supplierOrderId, "cancel", idempotencyKey, o => o.Status == SupplierOrderStatus.Shipped
            ? throw _core.Refuse(AdapterErrorCodes.OrderShipped, "The order has been shipped; it can only be returned.")
            : o with { Status = SupplierOrderStatus.Cancelled }, ct);

    /// <summary>The order leaves the warehouse (tests and demos): from now on it cannot be cancelled.</summary>
    public SupplierOrder MarkShipped(string supplierOrderId) =>
        _orders.Force(supplierOrderId, o => o with { Status = SupplierOrderStatus.Shipped });

    /// <summary>
    /// Delivers the order (tests and demos): a made-up device with a valid IMEI and <paramref name="model"/> (or a
    /// typical one), then reports it to the listeners. A delivered or cancelled order is refused, as by the real one.
    /// </summary>
    public async Task<SupplierOrder> DeliverAsync(string supplierOrderId, string? model = null, CancellationToken ct = default)
    {
        var delivered = _orders.Force(supplierOrderId, o => o with
        {
            Status = SupplierOrderStatus.Delivered,
            Device = SimulatedDevices.Create(++_devicesIssued, o.DeviceType, model),
        });
        foreach (var listener in _listeners)
            await listener.DeliveredAsync(delivered, ct);
        return delivered;
    }

    // Runs beside the workflow, like a real supplier: nobody awaits it, so it reports its own failures.
    private async Task DeliverLaterAsync(string supplierOrderId, TimeSpan after)
    {
        try
        {
            await Task.Delay(after, _core.Time, _stopping.Token);
            await DeliverAsync(supplierOrderId, ct: _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping; the simulator's state goes with it.
        }
        catch (AdapterRejectedException e)
        {
            _logger.LogInformation("Simulated supplier order {SupplierOrderId} was not delivered: {Code}.", supplierOrderId, e.Code);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "Simulated supplier order {SupplierOrderId} was delivered but a listener failed to take the report.", supplierOrderId);
        }
    }

    // Called under the core's lock.
    private SupplierOrder Create(SupplierOrderRequest request)
    {
        var n = ++_ordersIssued;
        var expected = DateOnly.FromDateTime((_core.Time.GetUtcNow() + LeadTime).UtcDateTime);
        return new SupplierOrder($"so-{n:D6}", request.OrderId, request.DeviceType, SupplierOrderStatus.Placed, expected);
    }

    // Stops pending automatic deliveries. The source is not disposed: an order placed during shutdown still reads its token.
    public void Dispose() => _stopping.Cancel();
}
