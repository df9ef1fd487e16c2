using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>The outcome dashboard's figures from a played scenario: the admin's whole region and a manager's unit.</summary>
public sealed class OutcomeDashboardTests : IAsyncLifetime
{
    private readonly HostFactory host = HostFactory.WithDemo();
    private OutcomeScenario scenario = default!;

    // The controllable clock runs on between the scenario's steps: a minute is plenty for the test's own time.
    private const double Tolerance = 1.0 / 24 / 60;

    private static string Month => OutcomeFigures.MonthOf(TestClock.Start);

    private static DashboardFilter Period(string? unit = null) => FigureCallers.AroundScenario(unit);

    public async Task InitializeAsync()
    {
        scenario = new OutcomeScenario(host);
        await scenario.PlayAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_journals_read_at_once_are_each_instances_own_journal_and_only_an_admin_may_read_them_so()
    {
        await scenario.PlayApprovalAsync();
        var queries = host.Services.GetRequiredService<IWorkflowQueries>();
        var instances = new List<InstanceView>();
        foreach (var definition in await queries.ListDefinitionsAsync())
            instances.AddRange(await queries.ListInstancesAsync(new InstanceQuery(definition.Key), Caller.System));
        Assert.NotEmpty(instances);

        var journals = await queries.GetJournalsAsync(instances.Select(i => i.Id).ToList(), Caller.System);

        foreach (var instance in instances)
            Assert.Equal(await queries.GetJournalAsync(instance.Id, Caller.System), journals[instance.Id]);
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.GetJournalsAsync([instances[0].Id],
            new Caller("anna.chef", new HashSet<string> { "Manager" })));
    }

    [Fact]
    public async Task The_admin_sees_the_swap_the_delivery_the_returns_and_the_leavers_device_as_played()
    {
        var report = (await ReadAsync("admin", RegisterRoles.Admin, Period())).Report;

        var withoutPhone = Assert.Single(report.WithoutPhone, r => r.Month == Month && r.UnitId is null);
        Assert.Equal((1, 0), (withoutPhone.Count, withoutPhone.Open));
        Assert.Equal(OutcomeScenario.LoanAfter.TotalDays, withoutPhone.MedianDays!.Value, Tolerance);
        Assert.Equal(OutcomeScenario.LoanAfter.TotalDays, withoutPhone.P90Days!.Value, Tolerance);
        Assert.Contains(report.WithoutPhone, r => r.UnitId == "HS-KIR-AVD1" && r.Count == 1);

        var delivery = Assert.Single(report.OrderToDelivery, r => r.UnitId is null);
        Assert.Equal(OutcomeScenario.DeliveredAfter.TotalDays, delivery.MedianDays!.Value, Tolerance);
        Assert.Equal("HS-STROKE", Assert.Single(report.OrderToDelivery, r => r.UnitId is not null).UnitId);

        Assert.Equal(new ReturnRow(Month, Reusable: 1, Scrapped: 1), Assert.Single(report.Returns));

        var leaver = Assert.Single(report.HeldByLeavers);
        Assert.Equal((AssignmentKind.Device, "erik.anstalld", $"/register/devices/{scenario.LeaversDeviceId}"),
            (leaver.Kind, leaver.EmployeeId, leaver.Href));
    }

    [Fact]
    public async Task The_lead_time_of_a_step_is_the_time_from_reaching_it_to_leaving_it_named_as_the_model_names_it()
    {
        await scenario.PlayApprovalAsync();

        var report = (await ReadAsync("admin", RegisterRoles.Admin, Period())).Report;

        var step = Assert.Single(report.LeadTimes, r => r.ElementId == "Task_Approve");
        Assert.Equal(("Chefsgodkännande", "Godkänn beställning", 1), (step.Process, step.Step, step.Count));
        Assert.Equal(OutcomeScenario.ApprovalWait.TotalHours, step.MedianHours, 0.1);
    }

    [Fact]
    public async Task A_unit_under_rollout_without_a_signed_off_risk_assessment_is_listed_as_missing_one()
    {
        await host.Services.GetRequiredService<RJH.DeviceWorkflows.Registry.Org.IOrgRegister>()
            .SetRolloutModeAsync(RegisterUser.System, "HS-KIR-AVD1", RolloutMode.Voluntary);

        var report = (await ReadAsync("anna.chef", RegisterRoles.Manager, Period())).Report;

        Assert.Equal(new GateRow("HS-KIR-AVD1", "Vårdavdelning 1", RolloutMode.Voluntary, HeldOrders: 0, SignedOff: false),
            Assert.Single(report.RolloutGate));
    }

    [Fact]
    public async Task A_manager_sees_only_her_units_figures()
    {
        var view = await ReadAsync("anna.chef", RegisterRoles.Manager, Period());

        Assert.Equal(["HS-KIR-AVD1"], view.Units.Select(u => u.Id));
        Assert.All(view.Report.WithoutPhone, r => Assert.True(r.UnitId is null or "HS-KIR-AVD1"));
        Assert.Empty(view.Report.OrderToDelivery); // Maja's order is Strokerehabteam's
        Assert.Equal("erik.anstalld", Assert.Single(view.Report.HeldByLeavers).EmployeeId);
    }

    [Fact]
    public async Task A_manager_choosing_a_unit_outside_hers_sees_nothing_of_it()
    {
        var report = (await ReadAsync("anna.chef", RegisterRoles.Manager, Period("HS-STROKE"))).Report;

        Assert.Empty(report.WithoutPhone);
        Assert.Empty(report.OrderToDelivery);
        Assert.Empty(report.HeldByLeavers);
    }

    [Fact]
    public async Task An_employee_is_refused_and_a_reversed_period_is_refused()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => ReadAsync("erik.anstalld", RegisterRoles.Employee, Period()));
        var reversed = new DashboardFilter(Period().To, Period().From);
        await Assert.ThrowsAsync<ArgumentException>(() => ReadAsync("admin", RegisterRoles.Admin, reversed));
    }

    private async Task<OutcomeView> ReadAsync(string user, string role, DashboardFilter filter)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutcomeDashboard>().ReadAsync(FigureCallers.Signed(user, role), filter);
    }
}
