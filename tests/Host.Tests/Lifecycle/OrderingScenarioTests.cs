using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>ordering</c> workflow on the demo organisation, through the API.</summary>
public abstract class OrderingScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : OrderingScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : OrderingScenarioTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task Erik_accepts_a_data_only_phone_anna_approves_and_servicecenter_delivers()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var order = await s.StartAsync("erik.anstalld", "ordering",
            new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New", underRollout = false });
        var id = order["id"]!.GetValue<Guid>();

        // Erik shares the ward's extension: the policy suggests a data-only phone instead.
        await s.CompleteAsync("erik.anstalld", "accept-alternative", new { accepted = true }, id);
        // Not under rollout, so the unit pays and the manager judges.
        await s.CompleteAsync("anna.chef", "approve-order", new { approved = true, justification = "Behöver nås på avdelningen" }, id);
        await s.CompleteAsync("sam.service", "deliver-device", null, id);
        await s.CompleteAsync("erik.anstalld", "acknowledge-handover", new { acknowledged = true }, id);
        var done = await s.WaitForStatusAsync(id, "Completed");

        var variables = done["variables"]!;
        Assert.Equal("DataOnlyPhone", variables["deviceType"]!.GetValue<string>());
        Assert.Equal("Unit", variables["financing"]!["outcome"]!.GetValue<string>());
        Assert.Equal("Delivered", variables["orderOutcome"]!.GetValue<string>());
        var links = await s.GetAsync("/api/people/erik.anstalld/links");
        var device = Assert.Single(links["devices"]!.AsArray())!;
        Assert.Equal("Assigned", device["status"]!.GetValue<string>());
        Assert.Equal(variables["deviceId"]!.GetValue<string>(), device["id"]!.GetValue<string>());
        Assert.True(device["managedAccount"]!.GetValue<bool>());
        var subscription = Assert.Single(links["subscriptions"]!.AsArray())!;
        Assert.Equal("Active", subscription["status"]!.GetValue<string>());
        Assert.Equal("DataOnly", subscription["usage"]!.GetValue<string>());

        var journal = await s.JournalAsync(id);
        Assert.Contains(journal, e => e!["kind"]!.GetValue<string>() == "TaskCompleted" && e["elementId"]!.GetValue<string>() == "approveOrder"
            && e["actor"]!.GetValue<string>() == "anna.chef");
        Assert.Contains(journal, e => e!["detail"]?.GetValue<string>()?.StartsWith("entitlement v1: Alternative") == true);
        Assert.NotEmpty(await s.MailsToAsync("erik.anstalld@"));
        Assert.NotEmpty(await s.MailsToAsync("anna.chef@"));
    }

    [SkippableFact]
    public async Task A_second_phone_for_anna_is_denied_with_a_mail_and_nothing_is_reserved()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var stockBefore = (await s.GetArrayAsync("/api/devices?status=InStock")).Count;

        var order = await s.StartAsync("anna.chef", "ordering", new { employeeId = "anna.chef", deviceType = "Phone", reason = "New" });
        var done = await s.WaitForStatusAsync(order["id"]!, "Completed");

        Assert.Equal("Denied", done["variables"]!["orderOutcome"]!.GetValue<string>());
        Assert.Equal(["endDenied"], (await s.JournalAsync(order["id"]!)).Where(e => e!["kind"]!.GetValue<string>() == "ElementEntered")
            .Select(e => e!["elementId"]!.GetValue<string>()).Where(e => e.StartsWith("end", StringComparison.Ordinal)));
        Assert.Equal(stockBefore, (await s.GetArrayAsync("/api/devices?status=InStock")).Count);
        Assert.Single((await s.GetAsync("/api/people/anna.chef/links"))["devices"]!.AsArray());
        Assert.Contains(await s.MailsToAsync("anna.chef@"), m => m.Contains("Subject:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_rejected_approval_closes_the_order_and_reserves_nothing()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        var order = await s.StartAsync("maja.mobil", "ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" });
        var id = order["id"]!.GetValue<Guid>();

        await s.CompleteAsync("olle.chef", "approve-order", new { approved = false, justification = "Ingen budget i år" }, id);
        var done = await s.WaitForStatusAsync(id, "Completed");

        Assert.Equal("Rejected", done["variables"]!["orderOutcome"]!.GetValue<string>());
        var links = await s.GetAsync("/api/people/maja.mobil/links");
        Assert.Empty(links["devices"]!.AsArray());
        Assert.Empty(links["subscriptions"]!.AsArray());
        Assert.NotEmpty(await s.MailsToAsync("maja.mobil@"));
    }

    [SkippableFact]
    public async Task An_employee_may_order_only_for_themself()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        using var response = await (await s.As("erik.anstalld")).PostAsync("/api/instances", System.Net.Http.Json.JsonContent.Create(
            new { definitionKey = "ordering", variables = new { employeeId = "maja.mobil", deviceType = "Phone" } }));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await s.GetArrayAsync("/api/instances?definitionKey=ordering"));
    }

    [SkippableFact]
    public async Task With_no_tablet_in_stock_servicecenter_procures_one()
    {
        await using var s = await LifecycleScenario.StartAsync(kind);
        // Take the two tablets out of stock.
        var admin = await s.As("admin");
        foreach (var tablet in (await s.GetArrayAsync("/api/devices?status=InStock")).Where(d => d!["type"]!.GetValue<string>() == "Tablet"))
            await Support.HttpAssert.StatusAsync(await admin.PostAsync($"/api/devices/{tablet!["id"]}/status",
                System.Net.Http.Json.JsonContent.Create(new { status = "Lost", reason = "Test: slut i lager" })), System.Net.HttpStatusCode.OK);

        var order = await s.StartAsync("maja.mobil", "ordering", new { employeeId = "maja.mobil", deviceType = "Tablet", reason = "New" });
        var id = order["id"]!.GetValue<Guid>();
        await s.CompleteAsync("olle.chef", "approve-order", new { approved = true, justification = "Journalföring ute" }, id);
        await s.CompleteAsync("sam.service", "procure-device", new { imei = "356938035643809", model = "iPad Air" }, id);
        await s.CompleteAsync("sam.service", "deliver-device", null, id);
        await s.CompleteAsync("maja.mobil", "acknowledge-handover", new { acknowledged = true }, id);
        await s.WaitForStatusAsync(id, "Completed");

        var device = Assert.Single((await s.GetAsync("/api/people/maja.mobil/links"))["devices"]!.AsArray())!;
        Assert.Equal("356938035643809", device["imei"]!.GetValue<string>());
        Assert.Equal("Tablet", device["type"]!.GetValue<string>());
        Assert.Equal("Assigned", device["status"]!.GetValue<string>());
    }
}
