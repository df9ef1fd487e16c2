using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Features.Costs;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>The monthly fee per subscription type comes from configuration and is what the six-year totals count.</summary>
public sealed class CostFeeTests
{
    [Fact]
    public async Task A_configured_voice_fee_prices_every_month_of_the_horizon_and_the_other_type_keeps_its_default()
    {
        // The demo has one subscription, Anna's (Voice).
        await using var host = HostFactory.WithDemo(overrides: [("Costs:SubscriptionMonthlyFeeSek:Voice", "349")]);
        await using var scope = host.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CostOptions>>().Value;

        var report = (await scope.ServiceProvider.GetRequiredService<ICostOverview>()
            .ReadAsync(FigureCallers.Signed("admin", RegisterRoles.Admin), FigureCallers.AroundScenario())).Report;

        Assert.Equal((349m, 100m), (options.FeeOf(SubscriptionUsage.Voice), options.FeeOf(SubscriptionUsage.DataOnly)));
        Assert.Equal(1, report.Horizon.Subscriptions);
        Assert.Equal(349m * 12 * 6, report.Horizon.SubscriptionsSek);
        Assert.Equal(report.Horizon.DevicesSek + 349m * 12 * 6, report.Horizon.TotalSek);
        var annas = Assert.Single(report.Rows, r => r.SubscriptionMonths > 0);
        Assert.Equal(349m * annas.SubscriptionMonths, annas.SubscriptionsSek);
    }

    [Fact]
    public async Task Configured_organisation_models_replace_the_seeds_three()
    {
        await using var host = HostFactory.With(overrides:
            [("Costs:Models:0:Name", "Alt 2b"), ("Costs:Models:0:LowMsek", "8"), ("Costs:Models:0:HighMsek", "9")]);

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CostOptions>>().Value;

        Assert.Equal([("Alt 2b", 8m, 9m)], options.Models.Select(m => (m.Name, m.LowMsek, m.HighMsek)));
        Assert.Equal(3, new CostOptions().Models.Count); // unconfigured: the seeds' Alt 1–3
    }
}
