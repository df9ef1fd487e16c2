using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Tests.Support;
using static RJH.DeviceWorkflows.Registry.Tests.Support.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Services;

public abstract class ImportAndLoanPoolTests(DatabaseKind kind)
{
    public sealed class Sqlite() : ImportAndLoanPoolTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : ImportAndLoanPoolTests(DatabaseKind.PostgreSql);

    private static string DeviceCsv() => string.Join('\n',
        "imei,serial,model,type,msisdn,operator,extension,employeeId,unitId,purchaseDate,priceSek",
        $"{Imei(1)},SN1,iPhone 15,Phone,070-123 45 67,Telia,4711,E300,AKUT-1,2025-03-01,7000",
        $",SN2,iPad 10,Tablet,,,,,AKUT,2025-03-02,\"4500,50\"",
        $"490154203237517,SN3,iPhone 15,Phone,,,,,,,",           // row 4: Luhn
        $"{Imei(4)},SN4,iPhone 15,Phone,063-142000,Telia,,,,,",    // row 5: landline
        $"{Imei(5)},SN5,iPhone 15,Watch,,,,,,,",                   // row 6: type
        $"{Imei(6)},SN6,iPhone 15,Phone,,,,,,2025-13-01,",         // row 7: date
        $"{Imei(7)},SN7,iPhone 15,Phone,,,,E999,,,");              // row 8: unknown employee

    [SkippableFact]
    public async Task Device_import_saves_valid_rows_refuses_bad_ones_and_a_second_run_creates_no_duplicates()
    {
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();

        var first = await db.Imports.ImportDevicesAsync(Service, DeviceCsv());

        Assert.Equal(2, first.Saved);
        Assert.Equal(0, first.Unchanged);
        Assert.Equal([(4, "imei"), (5, "msisdn"), (6, "type"), (7, "purchaseDate"), (8, "employeeId")],
            first.Refused.Select(r => (r.Row, r.Column)));
        Assert.All(first.Refused, r => Assert.Contains(r.Column, r.Reason));

        var devices = await db.Devices.ListAsync(Service, new DeviceQuery());
        Assert.Equal(2, devices.Count);
        var phone = Assert.Single(devices, d => d.Imei == Imei(1));
        Assert.Equal(DeviceStatus.Assigned, phone.Status);
        Assert.Equal("E300", phone.AssignedToEmployeeId);
        Assert.Equal(DeviceStatus.InStock, Assert.Single(devices, d => d.Serial == "SN2").Status);
        Assert.Equal(4500.50m, Assert.Single(devices, d => d.Serial == "SN2").PriceSek);
        var subscription = await db.Subscriptions.ActiveOfAsync("E300", null);
        Assert.Equal("+46701234567", subscription!.Msisdn);
        Assert.Equal(phone.Id, subscription.DeviceId);
        Assert.Equal("4711", (await db.Extensions.ExtensionOfAsync("E300"))!.Number);

        var second = await db.Imports.ImportDevicesAsync(Service, DeviceCsv());

        Assert.Equal(0, second.Saved);
        Assert.Equal(2, second.Unchanged);
        Assert.Equal(2, (await db.Devices.ListAsync(Service, new DeviceQuery())).Count);
        Assert.Single(await db.Subscriptions.ListAsync(Service, null, null));
        Assert.Single((await db.Devices.GetAsync(Service, phone.Id)).Assignments!);
    }

    [SkippableFact]
    public async Task Org_import_is_idempotent_and_flags_people_missing_from_the_export()
    {
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();

        var again = await db.Org.ImportAsync(Admin, Snapshot());
        Assert.Equal((0, 0, 11, 0), (again.Created, again.Updated, again.Unchanged, again.FlaggedForOffboarding));

        var withoutErik = Snapshot();
        withoutErik = withoutErik with
        {
            People = withoutErik.People.Where(p => p.Value.EmployeeId != "E300").ToList(),
            EmployeeIdsPresent = withoutErik.EmployeeIdsPresent.Where(id => id != "E300").ToHashSet(),
        };
        var result = await db.Org.ImportAsync(Admin, withoutErik, confirmRemovals: true);

        Assert.Equal(["E300"], result.FlaggedEmployeeIds);
        var erik = await db.Directory.FindPersonAsync("E300");
        Assert.True(erik!.FlaggedForOffboarding);
        Assert.Empty((await db.Org.ImportAsync(Admin, withoutErik)).FlaggedEmployeeIds); // flagged once
        Assert.False((await db.Org.ImportAsync(Admin, Snapshot())).FlaggedForOffboarding > 0);
        Assert.False((await db.Directory.FindPersonAsync("E300"))!.FlaggedForOffboarding);
    }

    [SkippableFact]
    public async Task Org_import_refuses_bad_rows_and_the_csv_form_builds_the_tree()
    {
        await using var db = await TempRegister.CreateAsync(kind);
        var csv = string.Join('\n',
            "employeeId;userName;name;email;unitId;unitName;areaId;areaName;administrationId;administrationName;managesUnit;roles",
            "E1;kim.chef;Kim Chef;kim@rjh.se;U1;Ortopeden;A1;Område Söder;ADM;HS;ja;Manager;Employee",
            "E2;lo.lind;Lo Lind;lo@rjh.se;U1;;;;;;;Employee",
            "E3;bo.berg;Bo Berg;inte-en-adress;U1;;;;;;;",
            "E4;ny.person;Ny Person;;OKAND;;;;;;;");

        var result = await db.Imports.ImportOrgAsync(Admin, csv, OrgExportFormat.Csv);

        Assert.Equal([(4, "email"), (5, "unitId")], result.Refused.Select(r => (r.Row, r.Column)));
        Assert.Equal(5, result.Created); // three units, two people
        Assert.Equal(["U1", "A1", "ADM"], (await db.Directory.AncestryAsync("U1")).Select(u => u.Id));
        Assert.Equal(new HashSet<string> { "U1" }, await db.Directory.UnitsManagedByAsync("kim.chef"));
        Assert.Null(await db.Directory.FindPersonAsync("E3"));
    }

    [SkippableFact]
    public async Task Going_below_the_loan_pool_minimum_raises_one_alert_until_the_level_recovers()
    {
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();
        var a = await PooledAsync(db, 50);
        var b = await PooledAsync(db, 51);
        await db.LoanPool.SetMinimumAsync(Service, "Loaner", 2);
        Assert.Empty(db.Alerts.Raised);

        await db.LoanPool.StartLoanAsync(Service, a.Id, "E300");
        Assert.Equal([("Loaner", 1, 2)], db.Alerts.Raised);
        await db.LoanPool.StartLoanAsync(Service, b.Id, "E400");
        Assert.Single(db.Alerts.Raised);

        await db.LoanPool.EndLoanAsync(Service, a.Id);
        await db.LoanPool.EndLoanAsync(Service, b.Id);
        var pool = await db.LoanPool.GetAsync(Service);
        Assert.Equal(2, Assert.Single(pool.Models).Available);
        await db.LoanPool.StartLoanAsync(Service, a.Id, "E300");
        Assert.Equal(2, db.Alerts.Raised.Count);
        Assert.Equal(2, (await db.Audit.ReadAsync("LoanPool", "Loaner", Admin, 10)).Count(e => e.Action == "BelowMinimum"));

        var onLoan = await db.Devices.GetAsync(Service, a.Id);
        Assert.Equal(DeviceStatus.OnLoan, onLoan.Status);
        Assert.True(onLoan.Assignments![0].Loan);
        await Assert.ThrowsAsync<RegisterTransitionException>(() => db.Devices.SetStatusAsync(Service, a.Id, DeviceStatus.Wiped, null));
        await Assert.ThrowsAsync<RegisterForbiddenException>(() => db.LoanPool.GetAsync(Erik));
    }

    [SkippableFact]
    public async Task Links_of_a_person_list_what_offboarding_must_still_end()
    {
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();
        await db.Imports.ImportDevicesAsync(Service, DeviceCsv());

        var links = await db.Org.LinksOfAsync("E300");
        Assert.False(links.IsClear);
        Assert.Single(links.Devices);
        Assert.Single(links.Subscriptions);
        Assert.Single(links.Extensions);

        await db.Devices.MarkReturnedAsync(Admin, links.Devices[0].Id, "slutat");
        await db.Subscriptions.SetStatusAsync(Admin, links.Subscriptions[0].Id, SubscriptionStatus.Terminated);
        await db.Extensions.SetStatusAsync(Admin, links.Extensions[0].Id, ExtensionStatus.Removed);
        Assert.True((await db.Org.LinksOfAsync("E300")).IsClear);
    }

    private static async Task<DeviceView> PooledAsync(TempRegister db, int n)
    {
        var device = await db.Devices.RegisterAsync(Service, new NewDevice(Imei(n), null, "Loaner", DeviceType.Phone));
        return await db.LoanPool.AddAsync(Service, device.Id);
    }
}
