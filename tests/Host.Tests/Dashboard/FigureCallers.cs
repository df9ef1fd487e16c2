using System.Security.Claims;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>Who asks the figures services, and for which period: a few days around the scenario, whatever day the clock starts on.</summary>
internal static class FigureCallers
{
    public static ClaimsPrincipal Signed(string user, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, role)], "Test", ClaimTypes.Name, ClaimTypes.Role));

    public static DashboardFilter AroundScenario(string? unit = null)
    {
        var day = DateOnly.FromDateTime(RJH.DeviceWorkflows.Host.Ui.UiCultures.ToStockholm(TestClock.Start).DateTime);
        return new DashboardFilter(day.AddDays(-1), day.AddDays(10), unit);
    }
}
