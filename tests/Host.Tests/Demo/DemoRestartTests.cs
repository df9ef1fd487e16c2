using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Demo;

/// <summary>A second start on the same database: the demo is not seeded again, and the simulators know what the register holds.</summary>
public sealed class DemoRestartTests
{
    [Fact]
    public async Task A_restart_changes_nothing_in_the_register_and_fills_the_simulators_from_it()
    {
        var directory = HostFactory.NewDirectory();
        try
        {
            await RestartAsync(directory);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RestartAsync(string directory)
    {
        string before;
        await using (var first = HostFactory.WithDemo(directory)) before = await SnapshotAsync(first);

        await using var second = HostFactory.WithDemo(directory);
        Assert.Equal(before, await SnapshotAsync(second));

        using var service = await second.ClientFor("sam.service");
        var phone = Assert.Single(await HttpAssert.ArrayAsync(await service.GetAsync("/api/devices?q=anna.chef")))!;
        var subscription = Assert.Single(await HttpAssert.ArrayAsync(await service.GetAsync("/api/subscriptions?q=anna.chef")))!;
        var extensions = await HttpAssert.ArrayAsync(await service.GetAsync("/api/extensions?status=Active"));

        var mdmDevice = await second.Services.GetRequiredService<IMdmClient>().GetDeviceAsync(phone["mdmDeviceId"]!.GetValue<string>());
        Assert.NotNull(mdmDevice);
        Assert.Equal((phone["imei"]!.GetValue<string>(), "anna.chef@regionjh.se"), (mdmDevice.Imei, mdmDevice.UserPrincipalName));
        var operatorSubscription = await second.Services.GetRequiredService<IOperatorClient>()
            .GetSubscriptionAsync(subscription["operatorSubscriptionId"]!.GetValue<string>());
        Assert.Equal(subscription["msisdn"]!.GetValue<string>(), operatorSubscription?.Msisdn);
        foreach (var extension in extensions)
        {
            var known = await second.Services.GetRequiredService<ITelephonyClient>().GetExtensionAsync(extension!["switchboardExtensionId"]!.GetValue<string>());
            Assert.Equal(extension["number"]!.GetValue<string>(), known?.Number);
            Assert.Equal("HS-KIR-AVD1", known?.Holder.UnitId);
        }
    }

    /// <summary>Everything the demo seeded, and the audit trail: a second seeding would add entries even if it changed no value.</summary>
    private static async Task<string> SnapshotAsync(HostFactory host)
    {
        using var admin = await host.ClientFor("admin");
        var parts = new JsonObject();
        foreach (var path in new[] { "/api/units", "/api/people", "/api/devices", "/api/subscriptions", "/api/extensions", "/api/audit?limit=1000" })
            parts[path] = await HttpAssert.ArrayAsync(await admin.GetAsync(path));
        return parts.ToJsonString();
    }
}
