using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Activities.Tests.Register;

public sealed class UnitActivityTests : IAsyncLifetime
{
    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    [Fact]
    public async Task A_unit_assessment_covers_the_unit_and_is_signed_by_its_manager_and_a_safety_representative_of_its_area()
    {
        var unit = (await register.RunAsync<DescribeUnitActivity>(new { unitId = "AKUT", scope = "Unit" })).Output("unit");

        Assert.Equal(("AKUT", "OST", "anna.chef", "sara.skyddsombud"),
            (unit.Text("scopeUnitId"), unit.Text("areaId"), unit.Text("managerUserName"), unit.Text("safetyRepUserName")));
        Assert.Equal(["AKUT"], unit["unitIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("""[{"party":"Manager","userName":"anna.chef"},{"party":"SafetyRep","userName":"sara.skyddsombud"}]""",
            unit["signers"]!.ToJsonString());
    }

    [Fact]
    public async Task An_area_assessment_covers_every_unit_of_the_area_and_a_safety_representative_is_found_in_the_administration()
    {
        var ost = (await register.RunAsync<DescribeUnitActivity>(new { unitId = "AKUT-1", scope = "Area" })).Output("unit");
        Assert.Equal("OST", ost.Text("scopeUnitId"));
        Assert.Equal(["AKUT", "AKUT-1"], ost["unitIds"]!.AsArray().Select(u => u!.GetValue<string>()).Order());

        // Area NORR has no safety representative; sara in area OST of the same administration signs.
        var vc = (await register.RunAsync<DescribeUnitActivity>(new { unitId = "VC" })).Output("unit");
        Assert.Equal(("olle.chef", "sara.skyddsombud"), (vc.Text("managerUserName"), vc.Text("safetyRepUserName")));
    }

    [Fact]
    public async Task Rollout_is_set_on_the_units_and_the_rollout_orders_for_people_without_a_device_or_an_open_order()
    {
        await register.RunAsync<SetUnitRolloutActivity>(new { unitIds = new[] { "AKUT", "AKUT-1" }, rollout = "Mandatory" });
        Assert.Equal(RolloutMode.Mandatory, (await register.Get<IOrgRegister>().GetUnitAsync("AKUT-1")).Rollout);

        await register.AssignedPhoneAsync(1, "E300");
        await register.RunAsync<OpenOrderActivity>(new { employeeId = "E600", deviceType = "Phone" });
        var found = await register.RunAsync<FindEmployeesWithoutDeviceActivity>(new { unitIds = new[] { "AKUT", "AKUT-1", "VC" } });

        // Erik has a phone and Sara an open order; Anna (AKUT) and the people of VC have neither.
        Assert.Equal(["E100", "E200", "E400", "E500", "E700"], found.Output("employeeIds").AsArray().Select(e => e!.GetValue<string>()));
    }
}
