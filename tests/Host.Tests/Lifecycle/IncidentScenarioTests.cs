using System.Net.Http.Json;
using System.Net;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>
/// The shipped <c>ordering</c> workflow when servicecenter types an IMEI the register refuses: <c>invalid-device</c>
/// has no boundary there, so the order waits at <c>receive</c> with an incident the admin can act on.
/// </summary>
public abstract class IncidentScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : IncidentScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : IncidentScenarioTests(DatabaseKind.PostgreSql);

    private const string BadImei = "356938035643808";   // 15 digits, so the form takes it, but the Luhn check fails
    private const string GoodImei = "356938035643809";

    [SkippableFact]
    public async Task A_bad_imei_waits_at_receive_and_a_retry_with_the_corrected_imei_delivers_the_tablet()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var id = await ProcureWithAsync(s, BadImei);

        var faulted = await s.WaitForStatusAsync(id, "Faulted");
        Assert.Null(faulted["endedAt"]);
        Assert.Contains("receive", faulted["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()));
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal("receive", incident["elementId"]!.GetValue<string>());
        Assert.Equal("invalid-device", incident["errorCode"]!.GetValue<string>());
        Assert.Contains("'invalid-device'", incident["error"]!.GetValue<string>());
        Assert.Contains(await s.GetArrayAsync("/api/incidents"), i => i!["instanceId"]!.GetValue<Guid>() == id
            && i["errorCode"]?.GetValue<string>() == "invalid-device");

        var admin = await s.As("admin");
        await HttpAssert.StatusAsync(await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry",
            new { variables = new { imei = GoodImei } }), HttpStatusCode.OK);
        await s.CompleteAsync("sam.service", "deliver-device", null, id);
        await s.CompleteAsync("maja.mobil", "acknowledge-handover", new { acknowledged = true }, id);
        await s.WaitForStatusAsync(id, "Completed");

        var device = Assert.Single((await s.LinksAsync("maja.mobil"))["devices"]!.AsArray())!;
        Assert.Equal(GoodImei, device["imei"]!.GetValue<string>());
        Assert.Empty(await s.GetArrayAsync("/api/incidents"));
    }

    [SkippableFact]
    public async Task Cancelling_the_waiting_order_ends_it_and_its_incident_leaves_the_list()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var id = await ProcureWithAsync(s, BadImei);
        await s.WaitForStatusAsync(id, "Faulted");

        await HttpAssert.StatusAsync(await (await s.As("admin")).PostAsync($"/api/instances/{id}/cancel", null), HttpStatusCode.OK);

        var cancelled = await s.WaitForStatusAsync(id, "Cancelled");
        Assert.NotNull(cancelled["endedAt"]);
        Assert.Empty(await s.GetArrayAsync("/api/incidents"));
    }

    /// <summary>Maja orders a tablet with none in stock; Olle approves; servicecenter procures one with the given IMEI.</summary>
    private static async Task<Guid> ProcureWithAsync(LifecycleScenario s, string imei)
    {
        var admin = await s.As("admin");
        foreach (var tablet in (await s.GetArrayAsync("/api/devices?status=InStock")).Where(d => d!["type"]!.GetValue<string>() == "Tablet"))
            await HttpAssert.StatusAsync(await admin.PostAsJsonAsync($"/api/devices/{tablet!["id"]}/status",
                new { status = "Lost", reason = "Test: slut i lager" }), HttpStatusCode.OK);
        var order = await s.StartAsync("maja.mobil", "ordering", new { employeeId = "maja.mobil", deviceType = "Tablet", reason = "New" });
        var id = order["id"]!.GetValue<Guid>();
        await s.CompleteAsync("olle.chef", "approve-order", new { approved = true, justification = "Journalföring ute" }, id);
        await s.CompleteAsync("sam.service", "procure-device", new { imei, model = "iPad Air" }, id);
        return id;
    }
}
