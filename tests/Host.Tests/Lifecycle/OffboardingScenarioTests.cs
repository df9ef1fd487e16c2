using RJH.DeviceWorkflows.Data;
namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>offboarding</c> workflow: devices back or locked and wiped, subscription ended or handed on, nothing left linked.</summary>
public abstract class OffboardingScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : OffboardingScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : OffboardingScenarioTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Returned_phone_goes_back_to_stock_and_the_subscription_moves_to_a_colleague()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var phoneId = await s.OrderAndDeliverAsync("erik.anstalld");
        var subscriptionId = Assert.Single((await s.LinksAsync("erik.anstalld"))["subscriptions"]!.AsArray())!["id"]!.GetValue<string>();
        var lastDay = DateOnly.FromDateTime((await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>().UtcDateTime).AddDays(3);

        var offboarding = await s.StartAsync("hanna.hr", "offboarding", new { employeeId = "erik.anstalld", lastDay = lastDay.ToString("O") });
        var id = offboarding["id"]!.GetValue<Guid>();
        await s.CompleteAsync("erik.anstalld", "return-devices", new { returnedDeviceIds = new[] { phoneId } }, id);
        await s.CompleteAsync("anna.chef", "decide-subscription", new { action = "Transfer", transferTo = "maja.mobil" }, id);
        await s.WaitForStatusAsync(id, "Completed");

        var phone = await s.GetAsync($"/api/devices/{phoneId}");
        Assert.Equal("InStock", phone["status"]!.GetValue<string>());
        Assert.Null(phone["assignedToEmployeeId"]?.GetValue<string>());
        var subscription = await s.GetAsync($"/api/subscriptions/{subscriptionId}");
        Assert.Equal("maja.mobil", subscription["employeeId"]!.GetValue<string>());
        var links = await s.LinksAsync("erik.anstalld");
        Assert.Empty(links["devices"]!.AsArray());
        Assert.Empty(links["subscriptions"]!.AsArray());
        Assert.Empty(links["extensions"]!.AsArray());
        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "wipe" && e["kind"]!.GetValue<string>() == "JobCompleted");
    }

    [SkippableFact]
    public async Task A_phone_never_returned_is_locked_wiped_marked_lost_and_its_sim_blocked()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var phoneId = await s.OrderAndDeliverAsync("erik.anstalld");
        var subscriptionId = Assert.Single((await s.LinksAsync("erik.anstalld"))["subscriptions"]!.AsArray())!["id"]!.GetValue<string>();
        var lastDay = DateOnly.FromDateTime((await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>().UtcDateTime);

        var offboarding = await s.StartAsync("hanna.hr", "offboarding", new { employeeId = "erik.anstalld", lastDay = lastDay.ToString("O") });
        var id = offboarding["id"]!.GetValue<Guid>();
        await s.TaskAsync("erik.anstalld", "return-devices", id);
        await s.AdvanceAsync(TimeSpan.FromDays(8));
        await s.CompleteAsync("anna.chef", "decide-subscription", new { action = "Terminate" }, id);
        await s.WaitForStatusAsync(id, "Completed");

        Assert.Equal("Lost", (await s.GetAsync($"/api/devices/{phoneId}"))["status"]!.GetValue<string>());
        Assert.Equal("Terminated", (await s.GetAsync($"/api/subscriptions/{subscriptionId}"))["status"]!.GetValue<string>());
        var links = await s.LinksAsync("erik.anstalld");
        Assert.Empty(links["devices"]!.AsArray());
        Assert.Empty(links["subscriptions"]!.AsArray());
        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "overdue" && e["kind"]!.GetValue<string>() == "TimerFired");
        Assert.Contains(journal, e => e!["elementId"]?.GetValue<string>() == "blockMissingSim" && e["kind"]!.GetValue<string>() == "JobCompleted");
        Assert.NotEmpty(await s.MailsToAsync("anna.chef@"));
    }
}
