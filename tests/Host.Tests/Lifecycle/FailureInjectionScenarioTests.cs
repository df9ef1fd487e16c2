using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>
/// The lifecycle with the simulated MDM, operator and switchboard failing 20 % of their calls: every workflow still
/// completes through the engine's retries, and nothing is done twice (one enrolment, one subscription, one assignment).
/// </summary>
public abstract class FailureInjectionScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : FailureInjectionScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : FailureInjectionScenarioTests(DatabaseKind.PostgreSql);

    private static readonly (string, string?)[] Seeded =
    [
        ("Adapters:Mdm:Simulator:Seed", "11"), ("Adapters:Operator:Simulator:Seed", "12"), ("Adapters:Telephony:Simulator:Seed", "13"),
    ];

    [SkippableFact]
    public async Task Ordering_swap_and_offboarding_complete_through_retries_and_nothing_is_done_twice()
    {
        await using var s = await LifecycleScenario.StartAsync(kind, 0.2, Seeded);

        var phoneId = await s.OrderAndDeliverAsync("erik.anstalld");
        var subscriptionId = Assert.Single((await s.LinksAsync("erik.anstalld"))["subscriptions"]!.AsArray())!["id"]!.GetValue<string>();
        var annasPhone = Assert.Single((await s.LinksAsync("anna.chef"))["devices"]!.AsArray())!["id"]!.GetValue<string>();
        var swap = await s.StartAsync("anna.chef", "swap", new { employeeId = "anna.chef", deviceId = annasPhone, kind = "Broken" });
        await s.CompleteAsync("sam.service", "hand-out-loan", null, swap["id"]!.GetValue<Guid>());
        await s.WaitForAsync(swap["id"]!, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() is "gwRepair" or "repaired"));
        await s.MessageAsync("repair-completed", annasPhone, new { outcome = "Repaired" });
        await s.CompleteAsync("sam.service", "return-loan", null, swap["id"]!.GetValue<Guid>());
        await s.WaitForStatusAsync(swap["id"]!, "Completed");

        var offboarding = await s.StartAsync("hanna.hr", "offboarding", new { employeeId = "erik.anstalld", lastDay = "2030-01-31" });
        await s.CompleteAsync("erik.anstalld", "return-devices", new { returnedDeviceIds = new[] { phoneId } }, offboarding["id"]!.GetValue<Guid>());
        await s.CompleteAsync("anna.chef", "decide-subscription", new { action = "Terminate" }, offboarding["id"]!.GetValue<Guid>());
        await s.WaitForStatusAsync(offboarding["id"]!, "Completed");

        // Failures happened and were retried ...
        var retries = 0;
        foreach (var instance in await s.GetArrayAsync("/api/instances?limit=100"))
            retries += (await s.JournalAsync(instance!["id"]!.GetValue<Guid>())).Count(e => e!["kind"]!.GetValue<string>() == "JobRetryScheduled");
        Assert.True(retries > 0, "The simulators failed no call: the test proves nothing with this seed.");
        Assert.Empty(await s.GetArrayAsync("/api/incidents"));

        // ... and each outside step counted once in the register.
        var audit = await s.GetArrayAsync($"/api/audit?entity=Device&id={phoneId}&limit=500");
        Assert.Equal(1, audit.Count(e => Action(e) == "Assigned"));
        Assert.Equal(1, audit.Count(e => Action(e) == "Enrolled" && State(e, "after") == "Enrolled" && State(e, "before") != "Enrolled"));
        Assert.Equal(2, (await s.GetArrayAsync("/api/subscriptions")).Count);   // Anna's and the one ordered for Erik
        Assert.Equal("Terminated", (await s.GetAsync($"/api/subscriptions/{subscriptionId}"))["status"]!.GetValue<string>());
        Assert.Equal("InStock", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
        Assert.Equal("Assigned", (await s.GetAsync($"/api/devices/{annasPhone}"))["status"]!.GetValue<string>());
    }

    private static string? Action(JsonNode? entry) => entry!["action"]?.GetValue<string>();

    private static string? State(JsonNode? entry, string side) =>
        entry![side]?.GetValue<string>() is { } json ? JsonNode.Parse(json)?["mdmState"]?.GetValue<string>() : null;
}
