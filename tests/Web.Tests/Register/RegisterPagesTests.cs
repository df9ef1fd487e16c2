using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Testing;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Register;

/// <summary>Servicecenter's register pages on the demo organisation: find, follow, act on, import and export devices.</summary>
public sealed class RegisterPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    // Anna's iPhone 15 in the demo data: assigned to her, activation lock on.
    private const string AnnasPhone = "353284150123407";

    [Fact]
    public async Task Servicecenter_finds_a_device_by_IMEI_by_keyboard_follows_its_history_and_releases_its_activation_lock()
    {
        var sam = await SignedInAsync("sam.service", "/register/devices");
        await Assertions.Expect(sam.GetByTestId("device-count")).ToContainTextAsync("mobilenheter");
        await sam.AssertAccessibleAsync();

        await sam.TabToAsync(sam.GetByLabel("Sök", new() { Exact = true }));
        await sam.Keyboard.TypeAsync(AnnasPhone);
        await Assertions.Expect(sam.GetByTestId("device-count")).ToHaveTextAsync("1 mobilenheter");
        var link = sam.GetByTestId("devices").GetByRole(AriaRole.Link, new() { Name = $"Öppna iPhone 15 {AnnasPhone}" });
        await sam.TabToAsync(link);
        await sam.Keyboard.PressAsync("Enter");
        await sam.WaitForURLAsync("**/register/devices/*");
        await sam.WaitForBlazorAsync();

        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"iPhone 15 – {AnnasPhone}");
        await Assertions.Expect(sam.GetByTestId("device-holder")).ToContainTextAsync("anna.chef");
        await Assertions.Expect(sam.GetByTestId("device-numbers")).ToContainTextAsync("+46701740699");
        var history = sam.GetByTestId("device-history");
        var entriesBefore = await history.Locator("tbody tr").CountAsync();
        Assert.True(entriesBefore > 0, "The demo device has a history from its registration.");
        await sam.AssertAccessibleAsync();

        await sam.GetByTestId("action-ReleaseLock").ClickAsync();
        var dialog = sam.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("aktiveringslåset");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Frigör aktiveringslås" }).ClickAsync();

        await Assertions.Expect(sam.GetByTestId("action-done")).ToHaveTextAsync("Aktiveringslåset är frigjort.");
        await Assertions.Expect(sam.GetByTestId("device-lock")).ToHaveTextAsync("Av");
        await Assertions.Expect(history.Locator("tbody tr")).ToHaveCountAsync(entriesBefore + 1);
        var newest = history.Locator("tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("sam.service");
        await Assertions.Expect(newest).ToContainTextAsync("MDM-uppgifter");
        await Assertions.Expect(newest).ToContainTextAsync("activationLock: On → Off");
        await Assertions.Expect(sam.GetByTestId("action-ReleaseLock")).ToHaveCountAsync(0);
        await sam.SaveScreenshotAsync("device");
    }

    [Fact]
    public async Task A_device_changed_elsewhere_meanwhile_refuses_the_action_and_says_why()
    {
        var sam = await SignedInAsync("sam.service", "/register/devices");
        var id = (await DeviceAsync(AnnasPhone))["id"]!.GetValue<string>();
        await sam.GotoAsync($"/register/devices/{id}");
        await sam.WaitForBlazorAsync();
        await Assertions.Expect(sam.GetByTestId("action-Assign")).ToBeVisibleAsync();

        using (var api = await App.ApiAs("sam.service"))
        using (var returned = await api.PostAsJsonAsync($"/api/devices/{id}/status", new { status = "Returned", reason = "Inlämnad" }))
            Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());

        await sam.GetByLabel("Anställningsnummer").FillAsync("erik.anstalld");
        await sam.GetByTestId("action-Assign").ClickAsync();
        await sam.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Tilldela" }).ClickAsync();

        await Assertions.Expect(sam.GetByTestId("action-error"))
            .ToHaveTextAsync("Åtgärden nekades: mobilenheten har status Återlämnad. Tillåtet härifrån: Raderad, Förlorad.");
        await Assertions.Expect(sam.GetByTestId("device-status")).ToContainTextAsync("Återlämnad");
        Assert.Null((await DeviceAsync(AnnasPhone))["assignedToEmployeeId"]);
    }

    [Fact]
    public async Task An_import_shows_every_row_first_then_saves_exactly_the_accepted_ones_and_a_second_run_changes_nothing()
    {
        var (good1, good2, badUnit) = (TestImei.For(9101), TestImei.For(9102), TestImei.For(9103));
        var csv = string.Join('\n',
            "imei,serial,model,type,msisdn,operator,extension,employeeId,unitId,purchaseDate,priceSek",
            $"{good1},IMP-1,iPhone 15,Phone,,,,,,,",
            $"{good2},IMP-2,iPhone 15,Phone,,,,erik.anstalld,,,",
            "490154203237517,IMP-3,iPhone 15,Phone,,,,,,,",
            $"{badUnit},IMP-4,iPhone 15,Phone,,,,,NO-SUCH-UNIT,,");
        var sam = await SignedInAsync("sam.service", "/register/import");
        await sam.AssertAccessibleAsync();

        await UploadAsync(sam, csv);
        await Assertions.Expect(sam.GetByTestId("import-summary"))
            .ToHaveTextAsync("Om du importerar: 2 nya, 0 uppdaterade, 0 oförändrade, 2 nekade.");
        var rows = sam.GetByTestId("import-rows").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("Luhn");
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("NO-SUCH-UNIT");
        Assert.Empty(await App.GetArrayAsync("sam.service", $"/api/devices?q={good1}"));
        await sam.AssertAccessibleAsync();

        await sam.GetByTestId("import-apply").ClickAsync();
        await sam.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("import-summary"))
            .ToHaveTextAsync("Importerat: 2 nya, 0 uppdaterade, 0 oförändrade, 2 nekade.");
        await Assertions.Expect(rows).ToHaveCountAsync(4);

        Assert.Equal("InStock", (await DeviceAsync(good1))["status"]!.GetValue<string>());
        Assert.Equal("erik.anstalld", (await DeviceAsync(good2))["assignedToEmployeeId"]!.GetValue<string>());
        Assert.Empty(await App.GetArrayAsync("sam.service", "/api/devices?q=490154203237517"));
        Assert.Empty(await App.GetArrayAsync("sam.service", $"/api/devices?q={badUnit}"));

        await sam.ReloadAsync();
        await sam.WaitForBlazorAsync();
        await UploadAsync(sam, csv);
        await Assertions.Expect(sam.GetByTestId("import-summary"))
            .ToHaveTextAsync("Om du importerar: 0 nya, 0 uppdaterade, 2 oförändrade, 2 nekade.");
        await Assertions.Expect(sam.GetByTestId("import-apply")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Export_downloads_an_xlsx_with_exactly_the_filtered_rows_and_no_formula_runs()
    {
        using (var api = await App.ApiAs("sam.service"))
        using (var created = await api.PostAsJsonAsync("/api/devices", new
               {
                   imei = TestImei.For(9201), serial = "@SUM(1+1)", model = "=HYPERLINK(\"http://evil.example\")", type = "Tablet",
               }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var sam = await SignedInAsync("sam.service", "/register/devices");
        var tablets = (await App.GetArrayAsync("sam.service", "/api/devices"))
            .Where(d => d!["type"]!.GetValue<string>() == "Tablet").Select(d => d!["imei"]?.GetValue<string>()).Order().ToList();

        await sam.GetByTestId("filter-type").ClickAsync();
        await sam.GetByRole(AriaRole.Option, new() { Name = "Surfplatta" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("device-count")).ToHaveTextAsync($"{tablets.Count} mobilenheter");

        var download = await sam.RunAndWaitForDownloadAsync(() => sam.GetByTestId("export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"rjh-export-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheets.First();
            Assert.Equal("IMEI", sheet.Cell(1, 1).GetString());
            var rows = sheet.RowsUsed().Skip(1).ToList();
            Assert.Equal(tablets, rows.Select(r => r.Cell(1).GetString()).Select(s => s.Length == 0 ? null : s).Order().ToList());
            Assert.All(rows, r => Assert.Equal("Surfplatta", r.Cell(4).GetString()));
            var evil = Assert.Single(rows, r => r.Cell(1).GetString() == TestImei.For(9201));
            Assert.Equal("'=HYPERLINK(\"http://evil.example\")", evil.Cell(3).GetString());
            Assert.Equal("'@SUM(1+1)", evil.Cell(2).GetString());
            Assert.False(evil.Cell(3).HasFormula);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_manager_sees_only_their_units_devices_and_no_actions_and_an_employee_is_refused()
    {
        var anna = await SignedInAsync("anna.chef", "/register/devices");
        await Assertions.Expect(anna.GetByTestId("device-count")).ToHaveTextAsync("1 mobilenheter");
        await anna.GetByTestId("devices").GetByRole(AriaRole.Link, new() { Name = $"Öppna iPhone 15 {AnnasPhone}" }).ClickAsync();
        await anna.WaitForURLAsync("**/register/devices/*");
        await Assertions.Expect(anna.GetByTestId("device-summary")).ToBeVisibleAsync();
        await Assertions.Expect(anna.GetByTestId("device-actions")).ToHaveCountAsync(0);
        await Assertions.Expect(anna.GetByRole(AriaRole.Link, new() { Name = "Importera" })).ToHaveCountAsync(0);

        var erik = await SignedInAsync("erik.anstalld");
        await Assertions.Expect(erik.GetByRole(AriaRole.Link, new() { Name = "Mobilenheter" })).ToHaveCountAsync(0);
        await erik.GotoAsync("/register/devices");
        await Assertions.Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Servicecenter_reaches_people_the_loan_pool_subscriptions_and_extensions_from_the_menu()
    {
        var sam = await SignedInAsync("sam.service");
        var menu = sam.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });

        await menu.GetByRole(AriaRole.Link, new() { Name = "Personer" }).ClickAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Visa kopplingar för Anna Lindqvist" }).ClickAsync();
        var links = sam.GetByTestId("person-links");
        await Assertions.Expect(links).ToContainTextAsync("+46701740699");
        await Assertions.Expect(links.GetByRole(AriaRole.Link, new() { Name = $"iPhone 15 {AnnasPhone}" })).ToBeVisibleAsync();
        await sam.AssertAccessibleAsync();

        await menu.GetByRole(AriaRole.Link, new() { Name = "Lånepool" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("loan-pool-levels")).ToContainTextAsync("Samsung Galaxy A55");
        await Assertions.Expect(sam.GetByTestId("loan-pool-devices").Locator("tbody tr")).ToHaveCountAsync(3);
        await sam.AssertAccessibleAsync();

        await menu.GetByRole(AriaRole.Link, new() { Name = "Abonnemang" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("numbers")).ToContainTextAsync("+46701740699");
        await sam.AssertAccessibleAsync();

        await menu.GetByRole(AriaRole.Link, new() { Name = "Anknytningar" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("numbers")).ToContainTextAsync("14012");
        await sam.AssertAccessibleAsync();
    }

    private async Task<JsonObject> DeviceAsync(string imei) =>
        (JsonObject)Assert.Single(await App.GetArrayAsync("sam.service", $"/api/devices?q={imei}"))!;

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.GetByLabel("Välj fil (.csv eller .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "telefoner.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
    }
}
