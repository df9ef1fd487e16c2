using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.LoanPool;

/// <summary>
/// A loan pool going below its minimum raises a "Fyll på lånepoolen" task for Servicecenter, once per crossing. Runs on
/// the demo organisation: three Samsung Galaxy A55 in the pool, minimum two.
/// </summary>
public sealed class LoanPoolAlertTests
{
    private const string FormKey = "replenish-loan-pool";

    [Fact]
    public async Task Going_below_the_minimum_raises_one_task_for_servicecenter_per_crossing()
    {
        await using var host = HostFactory.WithDemo();
        using var service = await host.ClientFor("sam.service");
        var pool = await PoolDevicesAsync(service);

        await RemoveAsync(service, pool[0]);
        Assert.Empty(await AlertsAsync(service));

        await RemoveAsync(service, pool[1]);
        var alert = Assert.Single(await AlertsAsync(service))!;
        Assert.Equal(("Fyll på lånepoolen", "Samsung Galaxy A55", 1, 2), (alert["name"]!.GetValue<string>(),
            alert["variables"]!["model"]!.GetValue<string>(), alert["variables"]!["available"]!.GetValue<int>(), alert["variables"]!["minimum"]!.GetValue<int>()));
        Assert.Contains("ServiceCenter", alert["candidateRoles"]!.AsArray().Select(r => r!.GetValue<string>()));

        await RemoveAsync(service, pool[2]); // still below: no second alert
        Assert.Single(await AlertsAsync(service));

        await AddAsync(service, pool[0]);
        await AddAsync(service, pool[1]); // back at the minimum: armed again
        await RemoveAsync(service, pool[1]);
        Assert.Equal(2, (await AlertsAsync(service)).Count);

        using var erik = await host.ClientFor("erik.anstalld");
        Assert.Empty(await AlertsAsync(erik));
    }

    [Fact]
    public async Task Levels_per_site_are_reported_and_the_replenish_task_names_the_site_that_went_short()
    {
        // The demo's three Galaxy A55 are kept at Östersunds sjukhus (minimum 2); the health centres have none yet.
        await using var host = HostFactory.WithDemo();
        using var service = await host.ClientFor("sam.service");
        var before = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), HttpStatusCode.OK))!;
        Assert.Equal([("Östersunds sjukhus", 3, 2, false), ("Hälsocentralen Strömsund", 0, 1, true), ("Hälsocentralen Sveg", 0, 1, true)],
            before["sites"]!.AsArray().Select(s => (s!["site"]!.GetValue<string>(), s["available"]!.GetValue<int>(),
                s["minimum"]!.GetValue<int>(), s["belowMinimum"]!.GetValue<bool>())));
        Assert.Equal(3, before["models"]!.AsArray().Single()!["available"]!.GetValue<int>()); // the fields of before stay
        var pool = await PoolDevicesAsync(service);

        await RemoveAsync(service, pool[0]);
        await RemoveAsync(service, pool[1]);

        var alert = Assert.Single(await AlertsAsync(service))!;
        Assert.Equal(("Östersunds sjukhus", "Östersunds sjukhus", 1, 2), (alert["businessKey"]!.GetValue<string>(),
            alert["variables"]!["site"]!.GetValue<string>(), alert["variables"]!["siteAvailable"]!.GetValue<int>(),
            alert["variables"]!["siteMinimum"]!.GetValue<int>()));

        var refused = await service.PostAsJsonAsync("/api/loan-pool/devices", new { deviceId = pool[0], site = "Månen" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/loan-pool/devices", new { deviceId = pool[0], site = "Hälsocentralen Sveg" }),
            HttpStatusCode.OK);
        var after = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), HttpStatusCode.OK))!;
        Assert.False(after["sites"]!.AsArray().Single(s => s!["site"]!.GetValue<string>() == "Hälsocentralen Sveg")!["belowMinimum"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_register_change_succeeds_when_the_alert_workflow_cannot_start()
    {
        // No shipped models deployed: starting loan-pool-alert fails, the removal from the pool must not.
        await using var host = HostFactory.WithDemo(overrides: [("Workflows:Seed", "false")]);
        using var service = await host.ClientFor("sam.service");
        var pool = await PoolDevicesAsync(service);

        await RemoveAsync(service, pool[0]);
        await RemoveAsync(service, pool[1]);

        var summary = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), HttpStatusCode.OK))!;
        Assert.True(summary["models"]![0]!["belowMinimum"]!.GetValue<bool>());
    }

    private static async Task<List<string>> PoolDevicesAsync(HttpClient service)
    {
        var pool = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), HttpStatusCode.OK))!;
        return pool["devices"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
    }

    private static async Task RemoveAsync(HttpClient service, string deviceId) =>
        await HttpAssert.StatusAsync(await service.DeleteAsync($"/api/loan-pool/devices/{deviceId}"), HttpStatusCode.OK);

    private static async Task AddAsync(HttpClient service, string deviceId) =>
        await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/loan-pool/devices", new { deviceId }), HttpStatusCode.OK);

    private static async Task<List<JsonNode?>> AlertsAsync(HttpClient client) =>
        (await HttpAssert.ArrayAsync(await client.GetAsync("/api/tasks"))).Where(t => t!["formKey"]?.GetValue<string>() == FormKey).ToList();
}
