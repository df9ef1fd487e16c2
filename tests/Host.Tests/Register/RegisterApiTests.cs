using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Register;

/// <summary>The register API on the real Host and SQLite file, with a small organisation imported by HR once per class.</summary>
public sealed class RegisterApiTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly object OrgExport = new
    {
        units = new object[]
        {
            new { id = "HS", name = "Hälso- och sjukvårdsförvaltningen", level = "Administration" },
            new { id = "OST", name = "Område Östersund", level = "Area", parentId = "HS" },
            new { id = "AKUT", name = "Akutmottagningen", level = "Unit", parentId = "OST", managerEmployeeId = "E100" },
            new { id = "VC", name = "Vårdcentral", level = "Unit", parentId = "OST", managerEmployeeId = "E200" },
        },
        people = new object[]
        {
            new { employeeId = "E100", userName = "anna.chef", name = "Anna Chef", unitId = "AKUT", roles = new[] { "Manager", "Employee" } },
            new { employeeId = "E200", userName = "olle.chef", name = "Olle Chef", unitId = "VC", roles = new[] { "Manager", "Employee" } },
            new { employeeId = "E300", userName = "erik.anstalld", name = "Erik Anställd", unitId = "AKUT" },
            new { employeeId = "E400", userName = "maja.mobil", name = "Maja Mobil", unitId = "VC" },
        },
    };

    private static int imeis;

    [Fact]
    public async Task A_forbidden_status_change_is_409_listing_the_allowed_statuses()
    {
        using var service = await ServiceAsync();
        var device = await CreateDeviceAsync(service);

        var problem = await HttpAssert.ProblemAsync(
            await service.PostAsJsonAsync($"/api/devices/{device}/status", new { status = "Wiped", reason = "test" }), HttpStatusCode.Conflict);

        Assert.Equal(["Reserved", "OnLoan", "Lost"], problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        var ok = await HttpAssert.StatusAsync(
            await service.PostAsJsonAsync($"/api/devices/{device}/status", new { status = "Reserved" }), HttpStatusCode.OK);
        Assert.Equal("Reserved", ok!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_employee_may_not_register_devices_and_nothing_is_stored()
    {
        using var service = await ServiceAsync();
        using var erik = await factory.ClientFor("erik.anstalld");
        var imei = NextImei();

        await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync("/api/devices", new { imei, model = "X", type = "Phone" }),
            HttpStatusCode.Forbidden);

        Assert.Empty(await HttpAssert.ArrayAsync(await service.GetAsync($"/api/devices?q={imei}")));
    }

    [Fact]
    public async Task Employees_see_their_own_devices_and_another_users_device_by_id_is_404()
    {
        using var service = await ServiceAsync();
        var eriks = await AssignedDeviceAsync(service, "E300");
        var majas = await AssignedDeviceAsync(service, "E400");
        using var erik = await factory.ClientFor("erik.anstalld");
        using var anna = await factory.ClientFor("anna.chef");

        var own = await HttpAssert.ArrayAsync(await erik.GetAsync("/api/devices"));
        Assert.Contains(own, d => d!["id"]!.GetValue<string>() == eriks);
        Assert.DoesNotContain(own, d => d!["id"]!.GetValue<string>() == majas);
        await HttpAssert.ProblemAsync(await erik.GetAsync($"/api/devices/{majas}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await anna.GetAsync($"/api/devices/{majas}"), HttpStatusCode.NotFound);

        var detail = await HttpAssert.StatusAsync(await anna.GetAsync($"/api/devices/{eriks}"), HttpStatusCode.OK);
        Assert.Equal("E300", detail!["assignments"]![0]!["employeeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_import_refuses_bad_rows_by_row_and_column_and_a_second_run_saves_nothing()
    {
        using var service = await ServiceAsync();
        var good = NextImei();
        var csv = "imei,serial,model,type,msisdn,operator,extension,employeeId,unitId,purchaseDate,priceSek\n"
                  + $"{good},,iPhone 15,Phone,0701234568,Telia,,E300,AKUT,2025-01-31,7000\n"
                  + "123456789012345,,iPhone 15,Phone,,,,,,,\n"
                  + $"{NextImei()},,iPhone 15,Phone,0631234567,Telia,,,,,\n";

        var first = await PostCsvAsync(service, csv);
        var second = await PostCsvAsync(service, csv);

        Assert.Equal(1, first["saved"]!.GetValue<int>());
        var refused = first["refused"]!.AsArray();
        Assert.Equal([3, 4], refused.Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal(["imei", "msisdn"], refused.Select(r => r!["column"]!.GetValue<string>()));
        Assert.Equal(0, second["saved"]!.GetValue<int>());
        Assert.Equal(1, second["unchanged"]!.GetValue<int>());
        var found = Assert.Single(await HttpAssert.ArrayAsync(await service.GetAsync($"/api/devices?q={good}")));
        Assert.Equal("Assigned", found!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Audit_shows_before_and_after_to_admin_and_nothing_to_an_employee()
    {
        using var service = await ServiceAsync();
        var device = await AssignedDeviceAsync(service, "E300");
        using var admin = await factory.ClientFor("admin");
        using var erik = await factory.ClientFor("erik.anstalld");

        var entries = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/audit?entity=Device&id={device}"));
        Assert.Equal("Assigned", entries[0]!["action"]!.GetValue<string>());
        Assert.Contains("\"Enrolled\"", entries[0]!["before"]!.GetValue<string>());
        Assert.Contains("\"Assigned\"", entries[0]!["after"]!.GetValue<string>());
        Assert.Empty(await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/audit?entity=Device&id={device}")));
    }

    [Fact]
    public async Task Org_import_is_for_hr_and_admin_and_repeating_it_changes_nothing()
    {
        using var erik = await factory.ClientFor("erik.anstalld");
        await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.Forbidden);

        await ImportOrgAsync();
        using var hr = await factory.ClientFor("hanna.hr");
        var again = await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK);

        Assert.Equal(0, again!["created"]!.GetValue<int>() + again["updated"]!.GetValue<int>());
        Assert.Empty(again["flaggedEmployeeIds"]!.AsArray());
    }

    private async Task<HttpClient> ServiceAsync()
    {
        await ImportOrgAsync();
        return await factory.ClientFor("sam.service");
    }

    private async Task ImportOrgAsync()
    {
        using var admin = await factory.ClientFor("admin");
        var result = await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK);
        Assert.Empty(result!["refused"]!.AsArray());
    }

    private static async Task<string> CreateDeviceAsync(HttpClient client)
    {
        var created = await HttpAssert.StatusAsync(
            await client.PostAsJsonAsync("/api/devices", new { imei = NextImei(), model = "iPhone 15", type = "Phone" }), HttpStatusCode.Created);
        return created!["id"]!.GetValue<string>();
    }

    private static async Task<string> AssignedDeviceAsync(HttpClient client, string employeeId)
    {
        var id = await CreateDeviceAsync(client);
        foreach (var status in new[] { "Reserved", "Enrolled" })
            await HttpAssert.StatusAsync(await client.PostAsJsonAsync($"/api/devices/{id}/status", new { status }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await client.PostAsJsonAsync($"/api/devices/{id}/assign", new { employeeId }), HttpStatusCode.OK);
        return id;
    }

    private static async Task<JsonObject> PostCsvAsync(HttpClient client, string csv) =>
        (await HttpAssert.StatusAsync(await client.PostAsync("/api/devices/import", new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.OK))!;

    /// <summary>A fresh valid IMEI per call, so tests sharing one host do not collide.</summary>
    private static string NextImei() => RJH.DeviceWorkflows.Testing.TestImei.For(100_000_000 + Interlocked.Increment(ref imeis));
}
