using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Tests.Register;

public sealed class OrderActivityTests : IAsyncLifetime
{
    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    private IDeviceOrders Orders => register.Get<IDeviceOrders>();

    [Fact]
    public async Task An_order_records_its_financing_and_a_second_open_order_is_the_bpmn_error_order_exists()
    {
        var opened = await register.RunAsync<OpenOrderActivity>(new
        {
            employeeId = "E300", deviceType = "DataOnlyPhone", reason = "New", underRollout = true, payer = "Unit", costCenter = "KS-4711",
        }, key: "open-1");
        var orderId = Guid.Parse(opened.Output("orderId").GetValue<string>());

        var order = await Orders.GetAsync(RegisterUser.System, orderId);
        Assert.Equal((OrderedDeviceType.DataOnlyPhone, "Unit", "KS-4711", DeviceOrderStatus.Open, true),
            (order.DeviceType, order.Payer, order.CostCenter, order.Status, order.UnderRollout));

        // The same execution again answers the same order; another one is refused.
        var again = await register.RunAsync<OpenOrderActivity>(new { employeeId = "E300", deviceType = "Phone" }, key: "open-1");
        Assert.Equal(orderId.ToString(), again.Output("orderId").GetValue<string>());
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() =>
            register.RunAsync<OpenOrderActivity>(new { employeeId = "E300", deviceType = "Phone" }));
        Assert.Equal("order-exists", error.Code);

        await register.RunAsync<CloseOrderActivity>(new { orderId, outcome = "Delivered" });
        Assert.Equal(DeviceOrderStatus.Delivered, (await Orders.GetAsync(RegisterUser.System, orderId)).Status);
        await register.RunAsync<OpenOrderActivity>(new { employeeId = "E300", deviceType = "Phone" });
    }

    [Fact]
    public async Task Closing_a_closed_order_is_a_technical_failure()
    {
        var orderId = (await register.RunAsync<OpenOrderActivity>(new { employeeId = "E400", deviceType = "Phone" })).Output("orderId");
        await register.RunAsync<CloseOrderActivity>(new { orderId, outcome = "Rejected" });

        await Assert.ThrowsAsync<RegisterTransitionException>(() => register.RunAsync<CloseOrderActivity>(new { orderId, outcome = "Withdrawn" }));
    }

    [Fact]
    public async Task Reserving_takes_a_phone_from_stock_for_a_data_only_phone_and_answers_null_when_there_is_none()
    {
        var orderId = (await register.RunAsync<OpenOrderActivity>(new { employeeId = "E300", deviceType = "DataOnlyPhone" })).Output("orderId");
        var none = await register.RunAsync<ReserveDeviceActivity>(new { deviceType = "DataOnlyPhone", employeeId = "E300", orderId });
        Assert.Null(none.Outputs["deviceId"]);

        var stocked = await register.StockPhoneAsync(1);
        var reserved = await register.RunAsync<ReserveDeviceActivity>(new { deviceType = "DataOnlyPhone", employeeId = "E300", orderId });

        Assert.Equal(stocked.ToString(), reserved.Output("deviceId").GetValue<string>());
        Assert.Equal(DeviceStatus.Reserved, (await register.Devices.GetAsync(RegisterUser.System, stocked)).Status);
        Assert.Equal(stocked, (await Orders.GetAsync(RegisterUser.System, Guid.Parse(orderId.GetValue<string>()))).DeviceId);
    }

    [Fact]
    public async Task A_received_device_is_reserved_or_enrolled_and_a_bad_imei_is_the_bpmn_error_invalid_device()
    {
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => register.RunAsync<ReceiveDeviceActivity>(new
        {
            imei = "123456789012345", model = "iPhone 15", deviceType = "Phone", employeeId = "E300",
        }));
        Assert.Equal("invalid-device", error.Code);

        var reserved = await register.RunAsync<ReceiveDeviceActivity>(new
        {
            imei = RJH.DeviceWorkflows.Testing.TestImei.For(7), model = "iPhone 15", deviceType = "Phone", employeeId = "E300",
        });
        var enrolled = await register.RunAsync<ReceiveDeviceActivity>(new
        {
            imei = RJH.DeviceWorkflows.Testing.TestImei.For(8), serial = "SER-8", model = "iPad", deviceType = "Tablet", employeeId = "E300",
            enrolledBySupplier = true,
        });

        var first = await register.Devices.GetAsync(RegisterUser.System, Guid.Parse(reserved.Output("deviceId").GetValue<string>()));
        Assert.Equal((DeviceStatus.Reserved, new DateOnly(2026, 11, 24)), (first.Status, first.PurchaseDate));
        var second = await register.Devices.GetAsync(RegisterUser.System, Guid.Parse(enrolled.Output("deviceId").GetValue<string>()));
        Assert.Equal((DeviceStatus.Enrolled, MdmState.Enrolled, DeviceType.Tablet), (second.Status, second.MdmState, second.Type));

        await register.RunAsync<AssignDeviceActivity>(new { deviceId = second.Id, employeeId = "E300" });
        Assert.Equal("E300", (await register.Devices.GetAsync(RegisterUser.System, second.Id)).AssignedToEmployeeId);
    }
}
