using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>swap</c> workflow: a loan phone the same day, repair or replacement, the pool back to its level.</summary>
public abstract class SwapScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : SwapScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : SwapScenarioTests(DatabaseKind.PostgreSql);

    private static async Task<(string PhoneId, int PoolBefore)> AnnasPhoneAsync(LifecycleScenario s)
    {
        var phone = Assert.Single((await s.LinksAsync("anna.chef"))["devices"]!.AsArray())!;
        return (phone["id"]!.GetValue<string>(), await PoolAvailableAsync(s));
    }

    private static async Task<int> PoolAvailableAsync(LifecycleScenario s) =>
        (await s.GetArrayAsync("/api/devices?status=InStock")).Count(d => d!["inLoanPool"]!.GetValue<bool>());

    [SkippableFact]
    public async Task A_broken_phone_is_repaired_while_anna_has_a_loan_phone()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (phoneId, poolBefore) = await AnnasPhoneAsync(s);
        var swap = await s.StartAsync("anna.chef", "swap", new { employeeId = "anna.chef", deviceId = phoneId, kind = "Broken" });
        var id = swap["id"]!.GetValue<Guid>();

        await s.CompleteAsync("sam.service", "hand-out-loan", null, id);
        var loaned = await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "gwRepair" || e.GetValue<string>() == "repaired"));
        var loanId = loaned["variables"]!["loanDeviceId"]!.GetValue<string>();
        Assert.Equal("InRepair", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
        Assert.Equal("OnLoan", (await s.GetAsync($"/api/devices/{loanId}"))["status"]!.GetValue<string>());
        Assert.Equal(poolBefore - 1, await PoolAvailableAsync(s));

        await s.MessageAsync("repair-completed", phoneId, new { outcome = "Repaired" });
        await s.CompleteAsync("sam.service", "return-loan", null, id);
        await s.WaitForStatusAsync(id, "Completed");

        var phone = await s.GetAsync($"/api/devices/{phoneId}");
        Assert.Equal("Assigned", phone["status"]!.GetValue<string>());
        Assert.Equal("anna.chef", phone["assignedToEmployeeId"]!.GetValue<string>());
        Assert.Equal("InStock", (await s.GetAsync($"/api/devices/{loanId}"))["status"]!.GetValue<string>());
        Assert.Equal(poolBefore, await PoolAvailableAsync(s));
        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["kind"]!.GetValue<string>() == "MessageCorrelated");
    }

    [SkippableFact]
    public async Task A_scrapped_phone_is_replaced_and_the_loan_ends_when_the_new_one_is_handed_over()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (phoneId, poolBefore) = await AnnasPhoneAsync(s);
        var approver = await s.ApproverOfAsync("anna.chef");
        var swap = await s.StartAsync("anna.chef", "swap", new { employeeId = "anna.chef", deviceId = phoneId, kind = "Broken" });
        var id = swap["id"]!.GetValue<Guid>();
        await s.CompleteAsync("sam.service", "hand-out-loan", null, id);
        await s.WaitForAsync(id, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() is "gwRepair" or "repaired"));

        await s.MessageAsync("repair-completed", phoneId, new { outcome = "Scrapped" });
        await s.CompleteAsync(approver, "approve-order", new { approved = true, justification = "Ersättning" });
        await s.CompleteAsync("sam.service", "deliver-device");
        await s.CompleteAsync("anna.chef", "acknowledge-handover", new { acknowledged = true });
        await s.CompleteAsync("sam.service", "return-loan", null, id);
        await s.WaitForStatusAsync(id, "Completed");

        Assert.Equal("Retired", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
        var devices = (await s.LinksAsync("anna.chef"))["devices"]!.AsArray();
        var replacement = Assert.Single(devices)!;
        Assert.NotEqual(phoneId, replacement["id"]!.GetValue<string>());
        Assert.Equal("Assigned", replacement["status"]!.GetValue<string>());
        Assert.Equal(poolBefore, await PoolAvailableAsync(s));
    }

    [SkippableFact]
    public async Task A_lost_phone_is_blocked_locked_and_replaced_at_once()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var (phoneId, poolBefore) = await AnnasPhoneAsync(s);
        var approver = await s.ApproverOfAsync("anna.chef");
        var swap = await s.StartAsync("anna.chef", "swap", new { employeeId = "anna.chef", deviceId = phoneId, kind = "Lost" });
        var id = swap["id"]!.GetValue<Guid>();

        await s.CompleteAsync("sam.service", "hand-out-loan", null, id);
        Assert.Equal("Lost", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
        await s.CompleteAsync(approver, "approve-order", new { approved = true, justification = "Förlust" });
        await s.CompleteAsync("sam.service", "deliver-device");
        await s.CompleteAsync("anna.chef", "acknowledge-handover", new { acknowledged = true });
        await s.CompleteAsync("sam.service", "return-loan", null, id);
        await s.WaitForStatusAsync(id, "Completed");

        var subscriptions = await s.GetArrayAsync("/api/subscriptions");
        Assert.Contains(subscriptions, x => x!["deviceId"]?.GetValue<string>() == phoneId && x["status"]!.GetValue<string>() == "Blocked");
        var replacement = Assert.Single((await s.LinksAsync("anna.chef"))["devices"]!.AsArray())!;
        Assert.Equal("Assigned", replacement["status"]!.GetValue<string>());
        Assert.Equal(poolBefore, await PoolAvailableAsync(s));
        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "lock" && e["kind"]!.GetValue<string>() == "JobCompleted");
    }
}
