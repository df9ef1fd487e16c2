using System.Net.Http.Json;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>device-return</c> workflow: a person hands a device in; Servicecenter receives it.</summary>
public abstract class DeviceReturnScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : DeviceReturnScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : DeviceReturnScenarioTests(DatabaseKind.PostgreSql);

    private static async Task<string> AnnasPhoneAsync(LifecycleScenario s) =>
        Assert.Single((await s.LinksAsync("anna.chef"))["devices"]!.AsArray())!["id"]!.GetValue<string>();

    [SkippableTheory]
    [InlineData("Good", "InStock")]
    [InlineData("Damaged", "Retired")]
    public async Task A_handed_in_phone_is_received_wiped_and_restocked_or_scrapped_by_its_condition(string condition, string expected)
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var phoneId = await AnnasPhoneAsync(s);
        var start = await s.StartAsync("anna.chef", "device-return", new { employeeId = "anna.chef", deviceId = phoneId });
        var id = start["id"]!.GetValue<Guid>();

        // Until Servicecenter has the device in hand it stays Anna's.
        await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "receive"));
        Assert.Equal("Assigned", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());

        await s.CompleteAsync("sam.service", "receive-returned-device", new { condition }, id);
        await s.WaitForStatusAsync(id, "Completed");

        var phone = await s.GetAsync($"/api/devices/{phoneId}");
        Assert.Equal(expected, phone["status"]!.GetValue<string>());
        Assert.Null(phone["assignedToEmployeeId"]);
        Assert.Empty((await s.LinksAsync("anna.chef"))["devices"]!.AsArray());
        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "wipe");
        Assert.Empty(await s.GetArrayAsync("/api/incidents"));
    }

    [SkippableFact]
    public async Task Someone_elses_device_cannot_be_handed_in()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var phoneId = await AnnasPhoneAsync(s);
        var start = await s.StartAsync("maja.mobil", "device-return", new { employeeId = "maja.mobil", deviceId = phoneId });

        var id = start["id"]!.GetValue<Guid>();
        await s.WaitForStatusAsync(id, "Completed");
        Assert.Contains(await s.JournalAsync(id), e => e!["elementId"]?.GetValue<string>() == "endNotOwner");
        Assert.Equal("Assigned", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_receive_task_refuses_a_completion_without_the_condition()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var phoneId = await AnnasPhoneAsync(s);
        var id = (await s.StartAsync("anna.chef", "device-return", new { employeeId = "anna.chef", deviceId = phoneId }))["id"]!.GetValue<Guid>();
        var task = await s.TaskAsync("sam.service", "receive-returned-device", id);

        using var sam = await s.As("sam.service");
        var response = await sam.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { condition = "Lost" } });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("condition", await response.Content.ReadAsStringAsync());
        Assert.Equal("Assigned", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
    }
}
