using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Supplier;

public sealed class SimulatedSupplierClientTests
{
    private static readonly SupplierOrderRequest PhoneForErik =
        new("order-1", new SupplierOrderHolder("SE2321000214-E1234", "Erik Anställd", "SE2321000214-U42"), SupplierDeviceType.Phone);

    [Fact]
    public async Task An_order_is_placed_and_expected_five_days_later()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var supplier = Simulators.Supplier(time: time);

        var order = await supplier.PlaceOrderAsync(PhoneForErik, "k1");

        Assert.Equal(new SupplierOrder("so-000001", "order-1", SupplierDeviceType.Phone, SupplierOrderStatus.Placed, new DateOnly(2026, 3, 7)), order);
        Assert.Equal(order, await supplier.GetOrderAsync(order.Id));
        Assert.Null(await supplier.GetOrderAsync("so-x"));
    }

    [Fact]
    public async Task Placing_again_with_the_same_key_returns_the_first_order_and_orders_nothing()
    {
        var supplier = Simulators.Supplier();

        var first = await supplier.PlaceOrderAsync(PhoneForErik, "k1");
        var again = await supplier.PlaceOrderAsync(PhoneForErik, "k1");
        var next = await supplier.PlaceOrderAsync(PhoneForErik with { OrderId = "order-2" }, "k2");

        Assert.Equal(first, again);
        Assert.Equal("so-000002", next.Id);
        var reused = await Assert.ThrowsAsync<AdapterRejectedException>(() => supplier.CancelOrderAsync(first.Id, "k1"));
        Assert.Equal(AdapterErrorCodes.IdempotencyKeyReused, reused.Code);
    }

    [Fact]
    public async Task An_order_without_employee_or_known_device_type_is_invalid_and_names_no_one()
    {
        var supplier = Simulators.Supplier();

        var noEmployee = await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            supplier.PlaceOrderAsync(PhoneForErik with { Holder = new SupplierOrderHolder(" ", "Erik Anställd") }, "k1"));
        var badType = await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            supplier.PlaceOrderAsync(PhoneForErik with { DeviceType = (SupplierDeviceType)42 }, "k2"));

        Assert.Equal([AdapterErrorCodes.InvalidRequest, AdapterErrorCodes.InvalidRequest], new[] { noEmployee.Code, badType.Code });
        Assert.DoesNotContain("Erik", noEmployee.Message);
        Assert.Equal(AdapterSystems.Supplier, noEmployee.System);
    }

    [Fact]
    public async Task A_placed_order_can_be_cancelled_once_a_shipped_one_cannot()
    {
        var supplier = Simulators.Supplier();
        var placed = await supplier.PlaceOrderAsync(PhoneForErik, "place-1");
        var shipped = await supplier.PlaceOrderAsync(PhoneForErik, "place-2");
        supplier.MarkShipped(shipped.Id);

        Assert.Equal(SupplierOrderStatus.Cancelled, (await supplier.CancelOrderAsync(placed.Id, "cancel-1")).Status);
        Assert.Equal(SupplierOrderStatus.Cancelled, (await supplier.CancelOrderAsync(placed.Id, "cancel-1")).Status); // a repeat
        Assert.Equal(AdapterErrorCodes.OrderCancelled, (await Assert.ThrowsAsync<AdapterRejectedException>(() => supplier.CancelOrderAsync(placed.Id, "cancel-2"))).Code);
        Assert.Equal(AdapterErrorCodes.OrderShipped, (await Assert.ThrowsAsync<AdapterRejectedException>(() => supplier.CancelOrderAsync(shipped.Id, "cancel-3"))).Code);
        Assert.Equal(AdapterErrorCodes.NotFound, (await Assert.ThrowsAsync<AdapterRejectedException>(() => supplier.CancelOrderAsync("so-x", "cancel-4"))).Code);
    }

    [Fact]
    public async Task Delivering_gives_a_device_with_a_Luhn_valid_imei_and_reports_it()
    {
        var listener = new RecordingListener();
        var supplier = Simulators.Supplier(listeners: listener);
        var order = await supplier.PlaceOrderAsync(PhoneForErik with { DeviceType = SupplierDeviceType.Tablet }, "k1");

        var delivered = await supplier.DeliverAsync(order.Id, "Samsung Galaxy Tab Active5 Pro");

        Assert.Equal(SupplierOrderStatus.Delivered, delivered.Status);
        var device = delivered.Device!;
        Assert.Matches("^[0-9]{15}$", device.Imei);
        Assert.True(Luhn.IsValid(device.Imei), $"{device.Imei} fails the Luhn check");
        Assert.Equal("Samsung Galaxy Tab Active5 Pro", device.Model);
        Assert.False(string.IsNullOrWhiteSpace(device.Serial));
        Assert.Equal(delivered, Assert.Single(listener.Delivered));
        Assert.Equal(delivered, await supplier.GetOrderAsync(order.Id));
    }

    [Fact]
    public async Task Each_delivery_has_its_own_imei_and_a_typical_model_and_a_delivered_order_is_final()
    {
        var supplier = Simulators.Supplier();
        var a = await supplier.DeliverAsync((await supplier.PlaceOrderAsync(PhoneForErik, "k1")).Id);
        var b = await supplier.DeliverAsync((await supplier.PlaceOrderAsync(PhoneForErik with { DeviceType = SupplierDeviceType.Tablet }, "k2")).Id);

        Assert.NotEqual(a.Device!.Imei, b.Device!.Imei);
        Assert.All(new[] { a.Device.Imei, b.Device.Imei }, imei => Assert.True(Luhn.IsValid(imei)));
        Assert.Contains("XCover", a.Device.Model);
        Assert.Contains("Tab", b.Device.Model);
        Assert.Equal(AdapterErrorCodes.OrderDelivered, Assert.Throws<AdapterRejectedException>(() => supplier.MarkShipped(a.Id)).Code);
        await Assert.ThrowsAsync<AdapterRejectedException>(() => supplier.DeliverAsync(a.Id));
    }

    [Theory]
    [InlineData("35999999000001", '0')]
    [InlineData("49015420323751", '8')] // the worked example of an IMEI check digit (3GPP TS 23.003)
    public void The_check_digit_is_Luhns(string body, char digit) =>
        Assert.Equal(digit, SimulatedDevices.LuhnCheckDigit(body));

    [Fact]
    public async Task With_auto_delivery_the_simulator_delivers_and_reports_by_itself()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var listener = new RecordingListener();
        using var supplier = Simulators.Supplier(time: time, autoDeliverAfter: TimeSpan.FromMinutes(2), listeners: listener);
        var order = await supplier.PlaceOrderAsync(PhoneForErik, "k1");
        await supplier.PlaceOrderAsync(PhoneForErik, "k1"); // a repeat schedules no second delivery

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SupplierOrderStatus.Placed, (await supplier.GetOrderAsync(order.Id))!.Status);
        time.Advance(TimeSpan.FromMinutes(1));

        var reported = await listener.Next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((order.Id, SupplierOrderStatus.Delivered), (reported.Id, reported.Status));
        Assert.True(Luhn.IsValid(reported.Device!.Imei));
        await Task.Delay(50);
        Assert.Single(listener.Delivered);
    }

    [Fact]
    public async Task A_cancelled_order_is_not_delivered_automatically()
    {
        var time = new FakeTimeProvider();
        var listener = new RecordingListener();
        using var supplier = Simulators.Supplier(time: time, autoDeliverAfter: TimeSpan.FromMinutes(1), listeners: listener);
        var order = await supplier.PlaceOrderAsync(PhoneForErik, "k1");
        await supplier.CancelOrderAsync(order.Id, "k2");

        time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);

        Assert.Empty(listener.Delivered);
        Assert.Equal(SupplierOrderStatus.Cancelled, (await supplier.GetOrderAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task With_failure_rate_one_nothing_is_ordered()
    {
        var supplier = Simulators.Supplier(failureRate: 1.0);

        var e = await Assert.ThrowsAsync<AdapterUnavailableException>(() => supplier.PlaceOrderAsync(PhoneForErik, "k1"));

        Assert.Equal(AdapterSystems.Supplier, e.System);
        // Delivery marking skips the dice; the order the failed call would have taken does not exist.
        Assert.Equal(AdapterErrorCodes.NotFound, Assert.Throws<AdapterRejectedException>(() => supplier.MarkShipped("so-000001")).Code);
    }

    private sealed class RecordingListener : ISupplierDeliveryListener
    {
        private readonly TaskCompletionSource<SupplierOrder> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<SupplierOrder> _delivered = [];

        public Task<SupplierOrder> Next => _first.Task;

        public IReadOnlyList<SupplierOrder> Delivered { get { lock (_delivered) return [.. _delivered]; } }

        public Task DeliveredAsync(SupplierOrder order, CancellationToken ct)
        {
            lock (_delivered) _delivered.Add(order);
            _first.TrySetResult(order);
            return Task.CompletedTask;
        }
    }
}

/// <summary>An IMEI's check, written independently of the simulator's generator.</summary>
internal static class Luhn
{
    public static bool IsValid(string number) =>
        number.All(char.IsAsciiDigit)
        && number.Reverse().Select((c, i) => (c - '0') * (i % 2 == 1 ? 2 : 1)).Sum(d => d / 10 + d % 10) % 10 == 0;
}
