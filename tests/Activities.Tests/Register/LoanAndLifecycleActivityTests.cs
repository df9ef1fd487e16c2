using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Tests.Register;

public sealed class LoanAndLifecycleActivityTests : IAsyncLifetime
{
    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    private async Task<DeviceStatus> StatusOf(Guid id) => (await register.Devices.GetAsync(RegisterUser.System, id)).Status;

    [Fact]
    public async Task A_loan_takes_the_first_free_pool_device_and_an_empty_pool_is_the_bpmn_error_loan_pool_empty()
    {
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => register.RunAsync<StartLoanActivity>(new { employeeId = "E300" }));
        Assert.Equal("loan-pool-empty", error.Code);

        var loaner = await register.StockPhoneAsync(1);
        await register.Get<ILoanPool>().AddAsync(RegisterUser.System, loaner);
        var lent = await register.RunAsync<StartLoanActivity>(new { employeeId = "E300", loanDeviceId = (string?)null });

        Assert.Equal(loaner.ToString(), lent.Output("loanDeviceId").GetValue<string>());
        Assert.Equal(DeviceStatus.OnLoan, await StatusOf(loaner));
        await register.RunAsync<EndLoanActivity>(new { loanDeviceId = loaner });
        Assert.Equal(DeviceStatus.InStock, await StatusOf(loaner));
    }

    [Fact]
    public async Task A_returned_and_wiped_device_is_restocked_unless_it_is_older_than_the_maximum_age()
    {
        var old = await register.StockPhoneAsync(1, bought: new DateOnly(2022, 11, 23));
        var young = await register.StockPhoneAsync(2, bought: new DateOnly(2022, 11, 25));
        var undated = await register.StockPhoneAsync(3);
        foreach (var id in new[] { old, young, undated })
        {
            foreach (var status in new[] { DeviceStatus.Reserved, DeviceStatus.Enrolled })
                await register.Devices.SetStatusAsync(RegisterUser.System, id, status, null);
            await register.RunAsync<AssignDeviceActivity>(new { deviceId = id, employeeId = "E300" });
            await register.RunAsync<MarkReturnedActivity>(new { deviceId = id });
            await register.RunAsync<SetDeviceStatusActivity>(new { deviceId = id, status = "Wiped", reason = "Rensad" });
        }

        Assert.Equal("Retired", (await register.RunAsync<RestockOrRetireActivity>(new { deviceId = old, maxAgeYears = 4 })).Output("status").GetValue<string>());
        Assert.Equal("InStock", (await register.RunAsync<RestockOrRetireActivity>(new { deviceId = young, maxAgeYears = 4 })).Output("status").GetValue<string>());
        Assert.Equal("InStock", (await register.RunAsync<RestockOrRetireActivity>(new { deviceId = undated })).Output("status").GetValue<string>());
    }

    [Fact]
    public async Task A_forbidden_status_change_is_a_technical_failure_naming_the_allowed_ones()
    {
        var phone = await register.StockPhoneAsync(1);

        var error = await Assert.ThrowsAsync<RegisterTransitionException>(() =>
            register.RunAsync<SetDeviceStatusActivity>(new { deviceId = phone, status = "Wiped" }));
        Assert.Contains("Reserved", error.Allowed);
    }

    [Fact]
    public async Task Describing_someone_elses_device_is_the_bpmn_error_not_owner()
    {
        var phone = await register.AssignedPhoneAsync(1, "E300");

        var device = (await register.RunAsync<DescribeDeviceActivity>(new { deviceId = phone, employeeId = "E300" })).Output("device");
        Assert.Equal(("Phone", "Assigned"), (device.Text("type"), device.Text("status")));
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() =>
            register.RunAsync<DescribeDeviceActivity>(new { deviceId = phone, employeeId = "E400" }));
        Assert.Equal("not-owner", error.Code);
    }

    [Fact]
    public async Task Releasing_a_person_reports_and_closes_what_was_still_linked()
    {
        var phone = await register.AssignedPhoneAsync(1, "E300");
        var subscription = await register.Get<ISubscriptionRegister>().CreateAsync(RegisterUser.System,
            new NewSubscription("070-123 45 67", "Telia", EmployeeId: "E300", DeviceId: phone));
        var extension = await register.Get<IExtensionRegister>().CreateAsync(RegisterUser.System, new NewExtension("4711", "RJH", "E300"));

        var released = (await register.RunAsync<ReleasePersonActivity>(new { employeeId = "E300" })).Output("stillLinked");

        Assert.Equal(phone.ToString(), released["devices"]![0]!.GetValue<string>());
        Assert.Equal(subscription.Id.ToString(), released["subscriptions"]![0]!.GetValue<string>());
        Assert.Equal(extension.Id.ToString(), released["extensions"]![0]!.GetValue<string>());
        Assert.True((await register.Get<IOrgRegister>().LinksOfAsync("E300")).IsClear);
        Assert.Equal(DeviceStatus.Lost, await StatusOf(phone));
        var nothing = (await register.RunAsync<ReleasePersonActivity>(new { employeeId = "E300" })).Output("stillLinked");
        Assert.Empty(nothing["devices"]!.AsArray());
    }
}
