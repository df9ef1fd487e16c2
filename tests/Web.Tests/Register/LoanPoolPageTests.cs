using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Register;

/// <summary>
/// Servicecenter's loan pool on a working day: who has which loan device and for how long (overdue after 14 days),
/// and the "Fyll på lånepoolen" task once lending has taken the pool below its minimum.
/// </summary>
public sealed class LoanPoolPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Loans_out_show_their_borrower_and_age_an_old_one_is_overdue_and_the_replenish_task_is_linked()
    {
        // The demo pool: three Samsung Galaxy A55 in stock, minimum two.
        using var service = await App.ApiAs("sam.service");
        using var admin = await App.ApiAs("admin");
        var pool = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), System.Net.HttpStatusCode.OK))!;
        var devices = pool["devices"]!.AsArray().Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        await LendAsync(service, devices[0], "erik.anstalld");
        await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "P15D" }), System.Net.HttpStatusCode.OK);
        await LendAsync(service, devices[1], "maja.mobil");   // one left, below the minimum

        var sam = await SignedInAsync("sam.service", "/register/loan-pool");
        await sam.ReloadUntilAsync(sam.GetByTestId("replenish-tasks"), "Fyll på lånepoolen");
        var loans = sam.GetByTestId("loans");
        var eriks = loans.GetByRole(AriaRole.Row).Filter(new() { HasText = "Erik Sundberg" });
        await Assertions.Expect(eriks).ToContainTextAsync("15");
        await Assertions.Expect(eriks).ToContainTextAsync("Försenad");
        var majas = loans.GetByRole(AriaRole.Row).Filter(new() { HasText = "Maja" });
        await Assertions.Expect(majas).ToContainTextAsync("0");
        await Assertions.Expect(majas).Not.ToContainTextAsync("Försenad");
        await Assertions.Expect(sam.GetByText("2 utlånade, varav 1 försenade")).ToBeVisibleAsync();

        // Levels per site: the hospital keeps the demo pool, one left against its minimum of two, flagged in words.
        var sites = sam.GetByTestId("loan-pool-sites");
        var hospital = sites.GetByRole(AriaRole.Row).Filter(new() { HasText = "Östersunds sjukhus" });
        await Assertions.Expect(hospital.GetByRole(AriaRole.Cell)).ToHaveTextAsync([new Regex(@"^1\s*Under minimum$"), new Regex("^2$"), new Regex("^2$")]);
        var sveg = sites.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hälsocentralen Sveg" });
        await Assertions.Expect(sveg).ToContainTextAsync("Under minimum");
        await Assertions.Expect(sam.GetByTestId("replenish-tasks")).ToContainTextAsync("Fyll på lånepoolen: Östersunds sjukhus");
        await Assertions.Expect(eriks).ToContainTextAsync("Östersunds sjukhus");
        await sam.AssertAccessibleAsync();

        await sam.GetByTestId("replenish-tasks").GetByRole(AriaRole.Link).First.ClickAsync();
        await sam.WaitForURLAsync("**/tasks/*");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fyll på lånepoolen");
    }

    private static async Task LendAsync(HttpClient service, Guid deviceId, string employeeId) =>
        await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/loan-pool/loans", new { deviceId, employeeId }),
            System.Net.HttpStatusCode.OK);
}
