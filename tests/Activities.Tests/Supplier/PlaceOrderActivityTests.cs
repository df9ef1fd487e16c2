using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Supplier;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Tests.Supplier;

public sealed class PlaceOrderActivityTests
{
    /// <summary>The inputs ordering-alt3.bpmn maps, with <paramref name="extra"/> added or replacing them.</summary>
    private static ActivityContext Context(string key = "instance-1:placeOrder", params (string Name, JsonNode? Value)[] extra)
    {
        var inputs = new Dictionary<string, JsonNode?> { ["orderId"] = "order-1", ["employeeId"] = "SE2321000214-E1234", ["deviceType"] = "DataOnlyPhone" };
        foreach (var (name, value) in extra) inputs[name] = value;
        return new ActivityContext(Guid.NewGuid(), null, "placeOrder", key, inputs);
    }

    [Fact]
    public async Task The_order_goes_to_the_supplier_with_the_jobs_key_and_its_id_comes_back()
    {
        var supplier = new StubSupplier();

        var result = await new PlaceOrderActivity(supplier).ExecuteAsync(Context("job-key-7", ("employeeName", "Erik Anställd"), ("unitId", "U42")), CancellationToken.None);

        Assert.Equal("so-000042", result.Outputs["supplierOrderId"]!.GetValue<string>());
        Assert.Equal("2026-03-07", result.Outputs["expectedDelivery"]!.GetValue<string>());
        Assert.Equal("job-key-7", supplier.Key);
        Assert.Equal(new SupplierOrderRequest("order-1", new SupplierOrderHolder("SE2321000214-E1234", "Erik Anställd", "U42"), SupplierDeviceType.DataOnlyPhone),
            supplier.Request);
        Assert.True(supplier.Request!.PreconfigureMdm);
        Assert.DoesNotContain("Erik", result.JournalNote);
    }

    [Fact]
    public async Task A_retried_job_places_one_order_with_the_simulator()
    {
        var simulator = Simulators.Supplier();
        var activity = new PlaceOrderActivity(simulator);

        var first = await activity.ExecuteAsync(Context(), CancellationToken.None);
        var retried = await activity.ExecuteAsync(Context(), CancellationToken.None);

        var id = first.Outputs["supplierOrderId"]!.GetValue<string>();
        Assert.Equal(id, retried.Outputs["supplierOrderId"]!.GetValue<string>());
        Assert.Equal(SupplierOrderStatus.Placed, (await simulator.GetOrderAsync(id))!.Status);
        Assert.Null(await simulator.GetOrderAsync("so-000002"));
    }

    [Theory]
    [InlineData("model_unavailable")]
    [InlineData(AdapterErrorCodes.Conflict)]
    [InlineData(AdapterErrorCodes.NotFound)]
    public async Task A_business_refusal_is_the_bpmn_error_supplier_rejected(string code)
    {
        var supplier = new StubSupplier { Failure = new AdapterRejectedException(AdapterSystems.Supplier, code, $"The supplier system refused the request: {code} (409).") };

        var e = await Assert.ThrowsAsync<BpmnErrorException>(() => new PlaceOrderActivity(supplier).ExecuteAsync(Context(), CancellationToken.None));

        Assert.Equal(PlaceOrderActivity.RejectedError, e.Code);
        Assert.Equal("supplier-rejected", e.Code);
        Assert.Contains(code, e.Message);
    }

    [Theory]
    [InlineData(AdapterErrorCodes.Unauthorized)]
    [InlineData(AdapterErrorCodes.InvalidRequest)]
    [InlineData(AdapterErrorCodes.IdempotencyKeyReused)]
    public async Task Our_own_faults_fail_the_step_as_an_incident(string code)
    {
        var supplier = new StubSupplier { Failure = new AdapterRejectedException(AdapterSystems.Supplier, code, "refused") };

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => new PlaceOrderActivity(supplier).ExecuteAsync(Context(), CancellationToken.None));

        Assert.Equal(code, e.Code);
    }

    [Fact]
    public async Task An_outage_propagates_so_the_engine_retries_the_job()
    {
        var supplier = new StubSupplier { Failure = new AdapterUnavailableException(AdapterSystems.Supplier, "unavailable") };

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => new PlaceOrderActivity(supplier).ExecuteAsync(Context(), CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_device_type_is_a_fault_of_the_model()
    {
        var supplier = new StubSupplier();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PlaceOrderActivity(supplier).ExecuteAsync(Context(extra: ("deviceType", "Pager")), CancellationToken.None));

        Assert.Contains("deviceType", e.Message);
        Assert.Null(supplier.Request);
    }

    [Fact]
    public void AddActivities_makes_it_known_as_ordering_alt3_bpmn_calls_it()
    {
        using var services = new ServiceCollection().AddActivities().BuildServiceProvider();
        var d = new ActivityCatalog(services.GetServices<ActivityRegistration>()).Descriptor("Supplier.PlaceOrder");

        Assert.Equal(("Supplier.PlaceOrder", "Supplier", ActivityExecution.Job), (d.Type, d.Category, d.Execution));
        Assert.Equal(["deviceType", "employeeId", "orderId"], d.Inputs.Where(i => i.Required).Select(i => i.Name));
        Assert.Equal(["Phone", "Tablet", "DataOnlyPhone"], d.Inputs.Single(i => i.Name == "deviceType").Choices);
        Assert.Contains(d.Outputs, o => o.Name == "supplierOrderId");
    }

    private sealed class StubSupplier : ISupplierClient
    {
        public Exception? Failure { get; init; }
        public SupplierOrderRequest? Request { get; private set; }
        public string? Key { get; private set; }

        public Task<SupplierOrder> PlaceOrderAsync(SupplierOrderRequest request, string idempotencyKey, CancellationToken ct = default)
        {
            if (Failure is not null) throw Failure;
            (Request, Key) = (request, idempotencyKey);
            return Task.FromResult(new SupplierOrder("so-000042", request.OrderId, request.DeviceType, SupplierOrderStatus.Placed, new DateOnly(2026, 3, 7)));
        }

        public Task<SupplierOrder?> GetOrderAsync(string supplierOrderId, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<SupplierOrder> CancelOrderAsync(string supplierOrderId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
