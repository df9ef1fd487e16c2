using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Features.Costs;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>The cost page's figures from the played scenario, with the prices of the Host's default options.</summary>
public sealed class CostOverviewTests : IAsyncLifetime
{
    private readonly HostFactory host = HostFactory.WithDemo();
    private readonly CostOptions prices = new();

    private static string Month => OutcomeFigures.MonthOf(TestClock.Start);

    public async Task InitializeAsync() => await new OutcomeScenario(host).PlayAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_delivered_order_costs_the_default_phone_price_for_its_payer_and_the_loan_is_Servicecenters()
    {
        var report = (await ReadAsync("admin", RegisterRoles.Admin)).Report;

        var order = Assert.Single(report.Rows, r => r.Devices > 0);
        Assert.Equal((Month, Payer.RegionDirector, "HS-STROKE", 1, prices.DefaultPhonePriceSek),
            (order.Month, order.Payer, order.UnitId, order.Devices, order.DevicesSek));
        var loan = Assert.Single(report.Rows, r => r.Loans > 0);
        Assert.Equal((Payer.Servicecenter, "HS-KIR-AVD1"), (loan.Payer, loan.UnitId));
        // Anna's loan is still out: it has cost its days so far, a few days at most in this test.
        Assert.InRange(loan.LoansSek, 0m, 5 * prices.LoanDaySek);
    }

    [Fact]
    public async Task The_fleet_over_the_horizon_is_every_device_still_in_service_at_its_price_and_the_models_are_scaled_to_it()
    {
        var devices = (await host.Services.GetRequiredService<IDeviceRegister>().ListAsync(RegisterUser.System, new DeviceQuery()))
            .Where(d => d.Status is not (DeviceStatus.Retired or DeviceStatus.Lost)).ToList();

        var report = (await ReadAsync("admin", RegisterRoles.Admin)).Report;

        Assert.Equal(devices.Count, report.Horizon.Devices);
        Assert.Equal(devices.Sum(d => d.PriceSek ?? prices.DefaultPhonePriceSek), report.Horizon.DevicesSek);
        var alt1 = report.Models[0];
        Assert.Equal(("Alt 1", Math.Round(4.3m * 1_000_000m * devices.Count / 2500, 0)), (alt1.Name, alt1.LowSek));
    }

    [Fact]
    public async Task A_manager_sees_only_her_units_costs()
    {
        var view = await ReadAsync("anna.chef", RegisterRoles.Manager);

        Assert.All(view.Report.Rows, r => Assert.Equal("HS-KIR-AVD1", r.UnitId));
        Assert.DoesNotContain(view.Report.Rows, r => r.Payer == Payer.RegionDirector);
    }

    [Fact]
    public async Task Finance_reads_every_units_costs_as_the_admin_does()
    {
        var admin = await ReadAsync("admin", RegisterRoles.Admin);

        var finance = await ReadAsync("fia.ekonomi", RegisterRoles.Finance);

        Assert.Equal(admin.Units.Select(u => u.Id), finance.Units.Select(u => u.Id));
        Assert.Equal(admin.Report.Rows, finance.Report.Rows);
        Assert.Contains(finance.Report.Rows, r => r.UnitId == "HS-STROKE");
        Assert.Contains(finance.Report.Rows, r => r.UnitId == "HS-KIR-AVD1");
        Assert.Equal(admin.Report.Horizon, finance.Report.Horizon);
    }

    [Fact]
    public async Task An_employee_is_refused_the_costs_and_finance_is_refused_the_outcome_dashboard()
    {
        await Assert.ThrowsAsync<RJH.DeviceWorkflows.Engine.Runtime.ForbiddenException>(() => ReadAsync("erik.anstalld", RegisterRoles.Employee));

        await using var scope = host.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<RJH.DeviceWorkflows.Engine.Runtime.ForbiddenException>(() => scope.ServiceProvider
            .GetRequiredService<IOutcomeDashboard>().ReadAsync(FigureCallers.Signed("fia.ekonomi", RegisterRoles.Finance), FigureCallers.AroundScenario()));
    }

    private async Task<CostView> ReadAsync(string user, string role)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICostOverview>()
            .ReadAsync(FigureCallers.Signed(user, role), FigureCallers.AroundScenario());
    }
}
