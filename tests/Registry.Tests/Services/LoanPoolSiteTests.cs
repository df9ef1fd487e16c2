using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Tests.Support;
using static RJH.DeviceWorkflows.Registry.Tests.Support.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Services;

/// <summary>
/// Loan devices kept at sites, each site with a configured minimum: the levels per site, and one alert naming the site
/// when lending or taking a device out takes the site below its minimum.
/// </summary>
public abstract class LoanPoolSiteTests(DatabaseKind kind)
{
    public sealed class Sqlite() : LoanPoolSiteTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : LoanPoolSiteTests(DatabaseKind.PostgreSql);

    private const string Hospital = "Östersunds sjukhus";
    private const string Clinic = "Hälsocentralen Strömsund";

    private static readonly Dictionary<string, string?> Sites = new()
    {
        ["Register:LoanPool:Sites:0:Name"] = Hospital,
        ["Register:LoanPool:Sites:0:Minimum"] = "2",
        ["Register:LoanPool:Sites:1:Name"] = Clinic,
        ["Register:LoanPool:Sites:1:Minimum"] = "1",
    };

    [SkippableFact]
    public async Task Levels_per_site_count_the_devices_kept_there_against_the_configured_minimum()
    {
        await using var db = await TempRegister.CreateAsync(kind, Sites).WithOrgAsync();
        var first = await PooledAsync(db, 60, Hospital);
        await PooledAsync(db, 61, "östersunds SJUKHUS "); // the configured spelling is kept
        await PooledAsync(db, 62, null);
        await db.LoanPool.StartLoanAsync(Service, first.Id, "E300");

        var pool = await db.LoanPool.GetAsync(Service);

        Assert.Equal([(Hospital, 1, 1, 2, true), (Clinic, 0, 0, 1, true)],
            pool.Sites.Select(s => (s.Site, s.Available, s.OnLoan, s.Minimum, s.BelowMinimum)));
        Assert.Equal(1, pool.Unplaced);
        Assert.Equal(2, pool.Devices.Count(d => d.LoanPoolSite == Hospital));
        Assert.Equal(Hospital, Assert.Single(pool.Loans).Site);
        Assert.Equal(3, Assert.Single(pool.Models).Available + Assert.Single(pool.Models).OnLoan);
    }

    [SkippableFact]
    public async Task An_unknown_site_is_refused_and_the_device_stays_out_of_the_pool()
    {
        await using var db = await TempRegister.CreateAsync(kind, Sites).WithOrgAsync();
        var device = await db.Devices.RegisterAsync(Service, new NewDevice(Imei(63), null, "Loaner", DeviceType.Phone));

        var refused = await Assert.ThrowsAsync<RegisterValidationException>(() => db.LoanPool.AddAsync(Service, device.Id, "Månen"));

        Assert.Equal("site", refused.Field);
        Assert.False((await db.Devices.GetAsync(Service, device.Id)).InLoanPool);
    }

    [SkippableFact]
    public async Task Going_below_a_sites_minimum_raises_one_alert_naming_the_site_until_it_recovers()
    {
        await using var db = await TempRegister.CreateAsync(kind, Sites).WithOrgAsync();
        var a = await PooledAsync(db, 64, Hospital);
        var b = await PooledAsync(db, 65, Hospital);
        var c = await PooledAsync(db, 66, Clinic);
        Assert.Empty(db.Alerts.Shortages); // filling a site is never a drop

        await db.LoanPool.StartLoanAsync(Service, a.Id, "E300");
        var shortage = Assert.Single(db.Alerts.Shortages);
        Assert.Equal(("Loaner", Hospital, new LoanPoolLevel(1, 2)), (shortage.Model, shortage.Site, shortage.SiteLevel));
        Assert.Null(shortage.ModelLevel); // no minimum for the model

        await db.LoanPool.StartLoanAsync(Service, b.Id, "E400"); // still below: no second alert
        Assert.Single(db.Alerts.Shortages);

        await db.LoanPool.EndLoanAsync(Service, a.Id);
        await db.LoanPool.EndLoanAsync(Service, b.Id); // back at the minimum: armed again
        await db.LoanPool.StartLoanAsync(Service, a.Id, "E300");
        Assert.Equal(2, db.Alerts.Shortages.Count(s => s.Site == Hospital));

        var removed = await db.LoanPool.RemoveAsync(Service, c.Id);
        Assert.Null(removed.LoanPoolSite);
        Assert.Equal((Clinic, new LoanPoolLevel(0, 1)), (db.Alerts.Shortages[^1].Site, db.Alerts.Shortages[^1].SiteLevel));
        Assert.Equal(2, (await db.Audit.ReadAsync("LoanPoolSite", Hospital, Admin, 10)).Count(e => e.Action == "BelowMinimum"));
    }

    [SkippableFact]
    public async Task A_change_that_takes_model_and_site_below_at_once_raises_one_alert_with_both()
    {
        await using var db = await TempRegister.CreateAsync(kind, Sites).WithOrgAsync();
        var a = await PooledAsync(db, 67, Hospital);
        await PooledAsync(db, 68, Hospital);
        await db.LoanPool.SetMinimumAsync(Service, "Loaner", 2);

        await db.LoanPool.StartLoanAsync(Service, a.Id, "E300");

        var shortage = Assert.Single(db.Alerts.Shortages);
        Assert.Equal((new LoanPoolLevel(1, 2), Hospital, new LoanPoolLevel(1, 2)), (shortage.ModelLevel, shortage.Site, shortage.SiteLevel));
    }

    private static async Task<DeviceView> PooledAsync(TempRegister db, int n, string? site)
    {
        var device = await db.Devices.RegisterAsync(Service, new NewDevice(Imei(n), null, "Loaner", DeviceType.Phone));
        return await db.LoanPool.AddAsync(Service, device.Id, site);
    }
}
