using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Tests.Support;
using static RJH.DeviceWorkflows.Registry.Tests.Support.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Services;

public sealed class DeviceOrderTests
{
    [Fact]
    public async Task A_person_has_one_open_order_and_every_change_is_audited()
    {
        await using var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite).WithOrgAsync();

        var first = await register.Orders.OpenAsync(Admin, new NewDeviceOrder("E300", OrderedDeviceType.Phone, "New", Payer: "Unit", CostCenter: "KS-1"));
        var second = await register.Orders.OpenAsync(Admin, new NewDeviceOrder("E300", OrderedDeviceType.Tablet, "Loss"));

        Assert.False(first.AlreadyOpen);
        Assert.True(second.AlreadyOpen);
        Assert.Equal(first.Order, second.Order);
        var closed = await register.Orders.CloseAsync(Admin, first.Order.Id, DeviceOrderStatus.Withdrawn);
        Assert.Equal((DeviceOrderStatus.Withdrawn, register.Time.GetUtcNow()), (closed.Status, closed.ClosedAt));
        Assert.Empty(await register.Orders.WithOpenOrderAsync(["E300"]));
        var audit = await register.Audit.ReadAsync("DeviceOrder", first.Order.Id.ToString(), Admin, 10);
        Assert.Equal(["Withdrawn", "Opened"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Orders_are_for_known_people_with_known_reasons_and_written_by_servicecenter()
    {
        await using var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite).WithOrgAsync();

        await Assert.ThrowsAsync<RegisterValidationException>(() =>
            register.Orders.OpenAsync(Admin, new NewDeviceOrder("E999", OrderedDeviceType.Phone, "New")));
        await Assert.ThrowsAsync<RegisterValidationException>(() =>
            register.Orders.OpenAsync(Admin, new NewDeviceOrder("E300", OrderedDeviceType.Phone, "Whim")));
        await Assert.ThrowsAsync<RegisterForbiddenException>(() =>
            register.Orders.OpenAsync(Erik, new NewDeviceOrder("E300", OrderedDeviceType.Phone, "New")));
    }

    [Fact]
    public async Task A_new_device_starts_in_stock_reserved_or_enrolled_and_no_further()
    {
        await using var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite).WithOrgAsync();

        var error = await Assert.ThrowsAsync<RegisterValidationException>(() => register.Devices.RegisterAsync(Admin,
            new NewDevice(Imei(1), null, "iPhone 15", DeviceType.Phone, Status: DeviceStatus.Assigned)));
        Assert.Equal("status", error.Field);
        var enrolled = await register.Devices.RegisterAsync(Admin,
            new NewDevice(Imei(2), null, "iPhone 15", DeviceType.Phone, Status: DeviceStatus.Enrolled));
        Assert.Equal((DeviceStatus.Enrolled, MdmState.Enrolled), (enrolled.Status, enrolled.MdmState));
    }
}
