using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Supplier;

/// <summary>The REST client against a fake supplier that checks each request against docs/supplier-api.yaml.</summary>
public sealed class HttpSupplierClientTests
{
    private static readonly SupplierOrderRequest Request = new("order-1",
        new SupplierOrderHolder("SE2321000214-E1234", "Erik Anställd", DeliveryAddress: new DeliveryAddress("Storgatan 1", "831 30", "Östersund")),
        SupplierDeviceType.DataOnlyPhone);

    private static readonly SupplierOrder Answer =
        new("so-000042", "order-1", SupplierDeviceType.DataOnlyPhone, SupplierOrderStatus.Placed, new DateOnly(2026, 3, 7));

    private static RestAdapterUnderTest<ISupplierClient> Start(Func<RecordedRequest, FakeResponse> route, int maxRetries = 2) =>
        new("Supplier", route, maxRetries);

    [Fact]
    public async Task Placing_posts_the_order_with_key_and_reads_the_suppliers_order()
    {
        await using var t = Start(_ => FakeSupplier.Json(201, Answer));

        var order = await t.Client.PlaceOrderAsync(Request, "job-1");

        Assert.Equal(Answer, order);
        var r = Assert.Single(t.Requests);
        Assert.Equal(("POST", "/rjh/v1/orders", "job-1"), (r.Method, r.Path, r.Header("Idempotency-Key")));
        Assert.Equal("order-1", r.Json.GetProperty("orderId").GetString());
        Assert.Equal("dataOnlyPhone", r.Json.GetProperty("deviceType").GetString());
        Assert.True(r.Json.GetProperty("preconfigureMdm").GetBoolean());
        var holder = r.Json.GetProperty("holder");
        Assert.Equal("SE2321000214-E1234", holder.GetProperty("employeeId").GetString());
        Assert.Equal("831 30", holder.GetProperty("deliveryAddress").GetProperty("postalCode").GetString());
        Assert.False(holder.TryGetProperty("unitId", out _)); // nulls are left out
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task Get_reads_a_delivered_order_with_its_device_and_404_is_null()
    {
        var delivered = Answer with { Status = SupplierOrderStatus.Delivered, Device = new DeliveredDevice("359999990000010", "R5CW12345", "Samsung Galaxy XCover7") };
        await using var t = Start(r => r.Path.EndsWith("/so-000042", StringComparison.Ordinal)
            ? FakeSupplier.Json(200, delivered)
            : FakeResponse.Problem(404, "not_found"));

        Assert.Equal(delivered, await t.Client.GetOrderAsync("so-000042"));
        Assert.Null(await t.Client.GetOrderAsync("so/../other"));

        Assert.Equal("/rjh/v1/orders/so%2F..%2Fother", t.Requests[1].Path); // an id cannot leave its segment
        Assert.All(t.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task Cancel_posts_without_a_body_and_a_shipped_order_is_refused_by_code_without_prose()
    {
        await using var t = Start(r => r.Header("Idempotency-Key") == "k-cancel"
            ? FakeSupplier.Json(200, Answer with { Status = SupplierOrderStatus.Cancelled })
            : FakeResponse.Problem(409, AdapterErrorCodes.OrderShipped));

        Assert.Equal(SupplierOrderStatus.Cancelled, (await t.Client.CancelOrderAsync("so-000042", "k-cancel")).Status);
        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => t.Client.CancelOrderAsync("so-000043", "k-late"));

        Assert.Equal((AdapterSystems.Supplier, AdapterErrorCodes.OrderShipped), (e.System, e.Code));
        Assert.DoesNotContain("Anna", e.Message);
        Assert.Equal(["POST /rjh/v1/orders/so-000042/cancel", "POST /rjh/v1/orders/so-000043/cancel"], t.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("", t.Requests[0].Body);
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task A_503_is_retried_with_the_same_key_so_one_order_is_placed()
    {
        var calls = 0;
        await using var t = Start(_ => Interlocked.Increment(ref calls) == 1 ? FakeResponse.Problem(503, "maintenance", retryAfter: "0") : FakeSupplier.Json(201, Answer));

        Assert.Equal(Answer, await t.Client.PlaceOrderAsync(Request, "job-2"));

        Assert.Equal(2, t.Requests.Count);
        Assert.All(t.Requests, r => Assert.Equal("job-2", r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Unavailable_after_the_retries_run_out()
    {
        await using var t = Start(_ => FakeResponse.Problem(429, "rate_limited", retryAfter: "0"), maxRetries: 1);

        var e = await Assert.ThrowsAsync<AdapterUnavailableException>(() => t.Client.PlaceOrderAsync(Request, "job-3"));

        Assert.Equal(2, t.Requests.Count);
        Assert.Equal(AdapterSystems.Supplier, e.System);
    }

    [Fact]
    public async Task A_business_refusal_keeps_the_suppliers_own_code()
    {
        await using var t = Start(_ => FakeResponse.Problem(422, "model_unavailable"));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => t.Client.PlaceOrderAsync(Request, "job-4"));

        Assert.Equal("model_unavailable", e.Code);
        Assert.DoesNotContain("19800101", e.Message);
        Assert.Single(t.Requests); // a 4xx is not retried
    }
}
