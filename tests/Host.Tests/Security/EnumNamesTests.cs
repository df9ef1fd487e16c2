using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>Issue 13, hole 5: enum fields of register writes take the documented names only, never numbers.</summary>
public sealed class EnumNamesTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly object OrgExport = new
    {
        units = new object[]
        {
            new { id = "HS", name = "Hälso- och sjukvårdsförvaltningen", level = "Administration" },
            new { id = "OST", name = "Område Östersund", level = "Area", parentId = "HS" },
            new { id = "AKUT", name = "Akutmottagningen", level = "Unit", parentId = "OST", managerEmployeeId = "E100" },
        },
        people = new object[]
        {
            new { employeeId = "E100", userName = "anna.chef", name = "Anna Chef", unitId = "AKUT", roles = new[] { "Manager", "Employee" } },
        },
    };

    [Theory]
    [InlineData("""{"mode":7}""")]
    [InlineData("""{"mode":1}""")]
    [InlineData("""{"mode":"2"}""")]
    [InlineData("""{"mode":"Voluntary, Mandatory"}""")]
    public async Task A_rollout_mode_given_as_a_number_is_400_and_the_unit_keeps_its_mode(string body)
    {
        using var admin = await ReadyAsync();

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsync("/api/units/AKUT/rollout", Json(body)), HttpStatusCode.BadRequest);

        Assert.Contains("Voluntary", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("None", await RolloutAsync(admin));
        await HttpAssert.StatusAsync(await admin.PostAsync("/api/units/AKUT/rollout", Json("""{"mode":"Voluntary"}""")), HttpStatusCode.OK);
        Assert.Equal("Voluntary", await RolloutAsync(admin));
        await HttpAssert.StatusAsync(await admin.PostAsync("/api/units/AKUT/rollout", Json("""{"mode":"None"}""")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_device_status_given_as_a_number_is_400_and_the_device_keeps_its_status()
    {
        using var service = await ReadyAsync("sam.service");
        var created = await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/devices",
            new { imei = RJH.DeviceWorkflows.Testing.TestImei.For(300_000_001), model = "iPhone 15", type = "Phone" }), HttpStatusCode.Created);
        var id = created!["id"]!.GetValue<string>();

        await HttpAssert.ProblemAsync(await service.PostAsync($"/api/devices/{id}/status", Json("""{"status":1}""")), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await service.PostAsync("/api/devices",
            Json($$"""{"imei":"{{RJH.DeviceWorkflows.Testing.TestImei.For(300_000_002)}}","model":"X","type":0}""")), HttpStatusCode.BadRequest);

        var device = await HttpAssert.StatusAsync(await service.GetAsync($"/api/devices/{id}"), HttpStatusCode.OK);
        Assert.Equal("InStock", device!["status"]!.GetValue<string>());
    }

    private async Task<HttpClient> ReadyAsync(string user = "admin")
    {
        using (var admin = await factory.ClientFor("admin"))
            Assert.Empty((await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK))!["refused"]!.AsArray());
        return await factory.ClientFor(user);
    }

    private static async Task<string> RolloutAsync(HttpClient client)
    {
        var units = await HttpAssert.ArrayAsync(await client.GetAsync("/api/units"));
        return units.Single(u => u!["id"]!.GetValue<string>() == "AKUT")!["rollout"]!.GetValue<string>();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
