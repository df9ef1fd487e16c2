using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Tests.Dashboard;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Dashboard;

/// <summary>
/// The outcome dashboard against a played scenario (a swap with a loan the same day, a leaver who kept a phone, an
/// order delivered days later): what the page shows is what the scenario's own durations say it should.
/// </summary>
public sealed class DashboardPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static string Month => OutcomeFigures.MonthOf(WebApp.ClockStart);

    // As the page writes days: one decimal, in Swedish.
    private static string Days(TimeSpan duration) => duration.TotalDays.ToString("0.0", Swedish);

    [Fact]
    public async Task A_manager_sees_her_units_swap_and_leaver_as_the_scenario_says_and_follows_the_leavers_device()
    {
        var scenario = new OutcomeScenario(App.Host);
        await scenario.PlayAsync();

        var anna = await SignedInAsync("anna.chef", "/dashboard");
        await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Utfall");
        var month = anna.GetByTestId($"without-phone-{Month}-all");
        await Assertions.Expect(month.GetByTestId("count")).ToHaveTextAsync("1");
        await Assertions.Expect(month.GetByTestId("median")).ToHaveTextAsync(Days(OutcomeScenario.LoanAfter));
        await Assertions.Expect(month.GetByTestId("p90")).ToHaveTextAsync(Days(OutcomeScenario.LoanAfter));
        await Assertions.Expect(month.GetByTestId("open")).ToHaveTextAsync("0");
        await Assertions.Expect(anna.GetByTestId($"without-phone-{Month}-HS-KIR-AVD1").GetByTestId("count")).ToHaveTextAsync("1");
        // Maja's order belongs to Strokerehabteam, not to Anna's ward.
        await Assertions.Expect(anna.GetByTestId("delivery-empty")).ToBeVisibleAsync();
        await Assertions.Expect(anna.GetByTestId("leaver-count")).ToHaveTextAsync("1");
        await anna.AssertAccessibleAsync();

        await anna.GetByTestId("leavers").GetByRole(AriaRole.Link).ClickAsync();
        await anna.WaitForURLAsync($"**/register/devices/{scenario.LeaversDeviceId}");
        await Assertions.Expect(anna.GetByTestId("device-holder")).ToContainTextAsync("erik.anstalld");
    }

    [Fact]
    public async Task The_admin_sees_the_delivery_and_the_returns_and_exports_the_same_figures_to_Excel()
    {
        var scenario = new OutcomeScenario(App.Host);
        await scenario.PlayAsync();
        await scenario.PlayApprovalAsync();

        var admin = await SignedInAsync("admin", "/dashboard");
        await Assertions.Expect(admin.GetByTestId("steps")).ToContainTextAsync("Godkänn beställning");
        var delivery = admin.GetByTestId($"delivery-{Month}-all");
        await Assertions.Expect(delivery.GetByTestId("median")).ToHaveTextAsync(Days(OutcomeScenario.DeliveredAfter));
        await Assertions.Expect(admin.GetByTestId($"delivery-{Month}-HS-STROKE").GetByTestId("count")).ToHaveTextAsync("1");
        var returns = admin.GetByTestId($"returns-{Month}");
        await Assertions.Expect(returns.GetByTestId("reusable")).ToHaveTextAsync("1");
        await Assertions.Expect(returns.GetByTestId("scrapped")).ToHaveTextAsync("1");
        await admin.AssertAccessibleAsync();
        await admin.SaveScreenshotAsync("dashboard");

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"rjh-dashboard-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheet("Utan telefon");
            Assert.Equal(Month, sheet.Cell(2, 1).GetString());
            Assert.Equal(1, sheet.Cell(2, 3).GetValue<int>());
            Assert.Equal(OutcomeScenario.LoanAfter.TotalDays, sheet.Cell(2, 4).GetValue<double>(), 1.0 / 24 / 60);
            Assert.Equal(1, workbook.Worksheet("Kvar hos slutade").RowsUsed().Count() - 1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_employee_is_refused_the_dashboard()
    {
        var erik = await SignedInAsync("erik.anstalld", "/");
        await Assertions.Expect(erik.GetByRole(AriaRole.Link, new() { Name = "Utfall" })).ToHaveCountAsync(0);

        await erik.GotoAsync("/dashboard");

        await erik.WaitForURLAsync("**/access-denied**");
        await Assertions.Expect(erik.GetByTestId("leaver-count")).ToHaveCountAsync(0);
    }
}
