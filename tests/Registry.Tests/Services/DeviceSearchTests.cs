using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.Tests.Support;
using static RJH.DeviceWorkflows.Registry.Tests.Support.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Services;

public abstract class DeviceSearchTests(DatabaseKind kind)
{
    public sealed class Sqlite() : DeviceSearchTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : DeviceSearchTests(DatabaseKind.PostgreSql);

    private const string Header = "imei,serial,model,type,msisdn,operator,extension,employeeId,unitId,purchaseDate,priceSek";

    /// <summary>Erik's phone (AKUT-1, with a number), Maja's (VC), a tablet of AKUT in stock and 20 stock phones of no unit.</summary>
    private static async Task<TempRegister> FleetAsync(DatabaseKind kind)
    {
        var db = await TempRegister.CreateAsync(kind).WithOrgAsync();
        var rows = new List<string>
        {
            Header,
            $"{Imei(1)},SN-ERIK,iPhone 15,Phone,070-123 45 67,Telia,,E300,,,",
            $"{Imei(2)},SN-MAJA,Galaxy S24,Phone,,,,E400,VC,,",
            $"{Imei(3)},SN-TAB,iPad 10,Tablet,,,,,AKUT,,",
        };
        rows.AddRange(Enumerable.Range(10, 20).Select(n => $"{Imei(n)},SN-{n:D3},Model {n:D3},Phone,,,,,,,"));
        var result = await db.Imports.ImportDevicesAsync(Service, string.Join('\n', rows));
        Assert.Empty(result.Refused);
        return db;
    }

    [SkippableFact]
    public async Task A_page_is_sorted_counted_and_never_repeats_a_row()
    {
        await using var db = await FleetAsync(kind);

        var first = await db.Search.SearchAsync(Service, new DeviceSearch { Sort = DeviceSort.Serial, PageSize = 10 });
        var second = await db.Search.SearchAsync(Service, new DeviceSearch { Sort = DeviceSort.Serial, PageSize = 10, Offset = 10 });
        var last = await db.Search.SearchAsync(Service, new DeviceSearch { Sort = DeviceSort.Serial, PageSize = 10, Offset = 20 });

        Assert.Equal(23, first.Total);
        var serials = first.Rows.Concat(second.Rows).Concat(last.Rows).Select(r => r.Serial!).ToList();
        Assert.Equal(23, serials.Distinct().Count());
        Assert.Equal(serials.OrderBy(s => s, StringComparer.Ordinal), serials);
        Assert.Equal(3, last.Rows.Count);

        var descending = await db.Search.SearchAsync(Service, new DeviceSearch { Sort = DeviceSort.Serial, Descending = true, PageSize = 1 });
        Assert.Equal("SN-TAB", Assert.Single(descending.Rows).Serial);
    }

    [SkippableFact]
    public async Task Text_finds_a_device_by_imei_serial_number_person_or_unit_with_names_and_number_filled_in()
    {
        await using var db = await FleetAsync(kind);

        async Task<string[]> Serials(string text) =>
            (await db.Search.SearchAsync(Service, new DeviceSearch { Text = text, Sort = DeviceSort.Serial })).Rows.Select(r => r.Serial!).ToArray();

        Assert.Equal(["SN-ERIK"], await Serials(Imei(1)));
        Assert.Equal(["SN-MAJA"], await Serials("SN-MAJA"));
        Assert.Equal(["SN-ERIK"], await Serials("070-123 45 67"));
        Assert.Equal(["SN-ERIK"], await Serials("+46701234567"));
        Assert.Equal(["SN-ERIK"], await Serials("erik anst"));
        Assert.Equal(["SN-MAJA"], await Serials("E400"));
        Assert.Equal(["SN-MAJA"], await Serials("Strömsund"));
        Assert.Empty(await Serials("nobody-like-this"));

        var erik = Assert.Single((await db.Search.SearchAsync(Service, new DeviceSearch { Text = Imei(1) })).Rows);
        Assert.Equal(("Erik Anställd", "+46701234567"), (erik.HolderName, erik.Msisdn));
        var maja = Assert.Single((await db.Search.SearchAsync(Service, new DeviceSearch { Text = "SN-MAJA" })).Rows);
        Assert.Equal("Vårdcentral Strömsund", maja.UnitName);
    }

    [SkippableFact]
    public async Task Filters_narrow_by_status_type_mdm_state_loan_pool_and_unit_with_the_units_below()
    {
        await using var db = await FleetAsync(kind);
        var stock = (await db.Search.SearchAsync(Service, new DeviceSearch { Text = Imei(10) })).Rows.Single();
        await db.LoanPool.AddAsync(Service, stock.Id);
        await db.LoanPool.StartLoanAsync(Service, stock.Id, "E400");
        var tablet = (await db.Search.SearchAsync(Service, new DeviceSearch { Text = "SN-TAB" })).Rows.Single();
        await db.Devices.RecordMdmAsync(Service, tablet.Id, new MdmReport(MdmState.Enrolled, true, ActivationLock.Off));

        async Task<int> Count(DeviceSearch search) => (await db.Search.SearchAsync(Service, search)).Total;

        Assert.Equal(2, await Count(new DeviceSearch { Status = DeviceStatus.Assigned }));
        Assert.Equal(1, await Count(new DeviceSearch { Type = DeviceType.Tablet }));
        Assert.Equal(1, await Count(new DeviceSearch { MdmState = MdmState.Enrolled }));
        Assert.Equal(1, await Count(new DeviceSearch { Loan = LoanFilter.OnLoan }));
        Assert.Equal(1, await Count(new DeviceSearch { Loan = LoanFilter.InLoanPool }));
        Assert.Equal(22, await Count(new DeviceSearch { Loan = LoanFilter.NotInLoanPool }));
        // AKUT holds the tablet; Erik's phone belongs to AKUT-1 through him; the loan phone is with Maja in VC.
        var akut = await db.Search.SearchAsync(Service, new DeviceSearch { UnitId = "AKUT", Sort = DeviceSort.Serial });
        Assert.Equal(["SN-ERIK", "SN-TAB"], akut.Rows.Select(r => r.Serial));
        Assert.Equal(2, await Count(new DeviceSearch { UnitId = "VC" }));
        Assert.Equal(0, await Count(new DeviceSearch { UnitId = "VC", Type = DeviceType.Tablet }));
    }

    [SkippableFact]
    public async Task A_manager_finds_only_their_units_devices_and_an_employee_only_their_own()
    {
        await using var db = await FleetAsync(kind);

        var anna = await db.Search.SearchAsync(Anna, new DeviceSearch { Sort = DeviceSort.Serial });
        Assert.Equal(["SN-ERIK", "SN-TAB"], anna.Rows.Select(r => r.Serial));
        Assert.Equal(2, anna.Total);
        Assert.Equal(0, (await db.Search.SearchAsync(Anna, new DeviceSearch { Text = "SN-MAJA" })).Total);
        Assert.Equal(["SN-MAJA"], (await db.Search.SearchAsync(Olle, new DeviceSearch())).Rows.Select(r => r.Serial));
        Assert.Equal(["SN-ERIK"], (await db.Search.ExportAsync(Erik, new DeviceSearch())).Select(r => r.Serial));
    }

    [SkippableFact]
    public async Task Export_returns_every_row_of_the_filter_whatever_the_page_and_bad_input_is_refused()
    {
        await using var db = await FleetAsync(kind);

        var rows = await db.Search.ExportAsync(Service, new DeviceSearch { Type = DeviceType.Phone, PageSize = 5, Offset = 5 });

        Assert.Equal(22, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeviceType.Phone, r.Type));
        await Assert.ThrowsAsync<RegisterValidationException>(() =>
            db.Search.SearchAsync(Service, new DeviceSearch { PageSize = DeviceSearch.MaxPageSize + 1 }));
        await Assert.ThrowsAsync<RegisterValidationException>(() =>
            db.Search.SearchAsync(Service, new DeviceSearch { Text = new string('x', DeviceSearch.MaxTextLength + 1) }));
    }

    [SkippableFact]
    public async Task Import_preview_reports_every_row_and_changes_nothing_then_the_import_does_exactly_that()
    {
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();
        await db.Imports.ImportDevicesAsync(Service, $"{Header}\n{Imei(1)},SN1,iPhone 15,Phone,,,,,,,");
        var csv = string.Join('\n', Header,
            $"{Imei(1)},SN1,iPhone 15,Phone,,,,E300,,,",   // row 2: updated (now Erik's)
            $"{Imei(2)},SN2,iPhone 15,Phone,,,,,,,",       // row 3: created
            $"490154203237517,SN3,iPhone 15,Phone,,,,,,,", // row 4: Luhn
            $"{Imei(4)},SN4,iPhone 15,Phone,,,,,NOPE,,",   // row 5: unknown unit
            $"{Imei(2)},SN2,iPhone 15,Phone,,,,,,,");      // row 6: the same as row 3

        var preview = await db.Imports.PreviewDevicesAsync(Service, csv);

        Assert.Equal([(2, ImportOutcome.Updated), (3, ImportOutcome.Created), (4, ImportOutcome.Refused), (5, ImportOutcome.Refused),
                (6, ImportOutcome.Unchanged)], preview.Rows.Select(r => (r.Row, r.Outcome)));
        Assert.Equal(["imei", "unitId"], preview.Rows.Where(r => r.Outcome == ImportOutcome.Refused).Select(r => r.Column));
        Assert.Equal(1, (await db.Search.SearchAsync(Service, new DeviceSearch())).Total);
        Assert.Null((await db.Search.SearchAsync(Service, new DeviceSearch())).Rows.Single().HolderEmployeeId);

        var imported = await db.Imports.ImportDevicesAsync(Service, csv);
        Assert.Equal(preview.Rows, imported.Rows);
        Assert.Equal([Imei(1), Imei(2)], (await db.Search.ExportAsync(Service, new DeviceSearch { Sort = DeviceSort.Imei })).Select(r => r.Imei));

        var again = await db.Imports.ImportDevicesAsync(Service, csv);
        Assert.DoesNotContain(again.Rows, r => r.Outcome is ImportOutcome.Created or ImportOutcome.Updated);
    }

    [SkippableFact]
    public async Task Details_show_holder_number_history_and_the_instances_whose_steps_changed_the_device()
    {
        await using var db = await FleetAsync(kind);
        var erik = (await db.Search.SearchAsync(Service, new DeviceSearch { Text = Imei(1) })).Rows.Single();
        var instance = Guid.NewGuid();
        await db.Devices.SetStatusAsync(RegisterUser.System, erik.Id, DeviceStatus.InRepair, "Trasig skärm",
            $"{instance:N}:{Guid.NewGuid()}:repair:1:status");

        var details = await db.Details.GetAsync(Service, erik.Id);

        Assert.Equal(DeviceStatus.InRepair, details.Device.Status);
        Assert.Equal("Erik Anställd", details.People["E300"]);
        Assert.Equal("+46701234567", Assert.Single(details.Subscriptions).Msisdn);
        Assert.Equal(["Status", "Imported"], details.History.Select(h => h.Action));
        Assert.Equal("system", details.History[0].Actor);
        Assert.Equal([instance], details.InstanceIds);
        Assert.Equal([DeviceStatus.Assigned, DeviceStatus.Retired, DeviceStatus.Lost], details.AllowedStatuses);
        // The import recorded no unit (the row named none); the repair was recorded under Erik's unit, which Anna manages.
        Assert.Equal(["Status"], (await db.Details.GetAsync(Anna, erik.Id)).History.Select(h => h.Action));
        await Assert.ThrowsAsync<RegisterNotFoundException>(() => db.Details.GetAsync(Olle, erik.Id));
    }
}
