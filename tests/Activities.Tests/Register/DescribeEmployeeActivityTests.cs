using System.Text.Json;
using System.Text.Json.Serialization;
using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Tests.Register.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;
using Facts = RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Activities.Tests.Register;

public sealed class DescribeEmployeeActivityTests : IAsyncLifetime
{
    // As strict as the rule engine's reader: unknown fields and numeric enums are refused.
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private RegisterActivities register = null!;

    public async Task InitializeAsync() => register = await RegisterActivities.CreateAsync();

    public async Task DisposeAsync() => await register.DisposeAsync();

    [Fact]
    public async Task Describes_the_employee_their_manager_what_they_hold_and_the_policy_facts()
    {
        var phone = await register.AssignedPhoneAsync(1, "E300");
        await register.Get<IOrgRegister>().SetRolloutModeAsync(RegisterUser.System, "AKUT-1", RolloutMode.Mandatory);
        await register.Get<IRiskAssessmentService>().CreateAsync(new RiskAssessmentDraft("OST", "Område", null, null, null, null), RegisterUser.System);

        var result = await register.RunAsync<DescribeEmployeeActivity>(new
        {
            employeeId = "E300", deviceType = "Tablet", reason = "New", underRollout = true, requestedBy = "erik.anstalld",
        });

        var employee = result.Output("employee");
        Assert.Equal("erik.anstalld", employee.Text("userName"));
        Assert.Equal("AKUT-1", employee.Text("unitId"));
        Assert.Equal("E100", employee.Text("managerEmployeeId"));
        Assert.Equal("anna.chef", employee.Text("managerUserName"));
        Assert.Equal(phone.ToString(), result.Output("devices")[0]!.Text("id"));
        Assert.Equal("Assigned", result.Output("devices")[0]!.Text("status"));

        var facts = result.Output("facts").Deserialize<Facts.DeviceFacts>(Strict)!;
        Assert.Equal("E300", facts.Employee!.Id);
        Assert.Equal([Facts.DeviceType.Phone], facts.Employee.ActiveDevices);
        Assert.False(facts.Employee.RemoteWorkAgreement);
        Assert.Equal("OST", facts.Unit!.AreaId);
        Assert.Equal("HS", facts.Unit.AdministrationId);
        Assert.Equal(Facts.Rollout.Mandatory, facts.Unit.Rollout);
        var assessment = Assert.Single(facts.Unit.RiskAssessments);
        Assert.Equal((Facts.AssessmentScope.Area, Facts.AssessmentStatus.Draft), (assessment.Scope, assessment.Status));
        Assert.Equal(new Facts.DeviceRequest { DeviceType = Facts.DeviceType.Tablet, Reason = Facts.RequestReason.New, UnderRollout = true },
            facts.Request);
        Assert.Equal("Employee E300: 1 device(s), 0 subscription(s)", result.JournalNote);
    }

    [Fact]
    public async Task A_manager_of_their_own_unit_reports_to_the_manager_above_them()
    {
        var result = await register.RunAsync<DescribeEmployeeActivity>(new { employeeId = "E100" });

        // Anna manages AKUT and area OST; nobody manages HS, so she has no manager to report to.
        Assert.Null(result.Output("employee")["managerUserName"]);
        Assert.Null(result.Output("facts")["request"]);
    }

    [Theory]
    [InlineData("erik.anstalld")]
    [InlineData("anna.chef")]
    [InlineData("sam.service")]
    [InlineData("hanna.hr")]
    [InlineData("admin")]
    [InlineData("system")]
    public async Task The_employee_their_manager_servicecenter_hr_and_admin_may_act_for_them(string requestedBy) =>
        await register.RunAsync<DescribeEmployeeActivity>(new { employeeId = "E300", requestedBy });

    [Theory]
    [InlineData("maja.mobil")]
    [InlineData("olle.chef")]
    [InlineData("sara.skyddsombud")]
    [InlineData("someone.unknown")]
    public async Task Anyone_else_is_the_bpmn_error_not_allowed(string requestedBy)
    {
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() =>
            register.RunAsync<DescribeEmployeeActivity>(new { employeeId = "E300", requestedBy }));
        Assert.Equal("not-allowed", error.Code);
    }

    [Fact]
    public async Task An_unknown_employee_is_a_technical_failure_naming_the_id()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            register.RunAsync<DescribeEmployeeActivity>(new { employeeId = "E999" }));
        Assert.Contains("E999", error.Message);
    }
}
