using System.Net.Http.Json;
using System.Net;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>The shipped <c>onboarding</c> workflow: ordering begins five working days ahead; nobody starts without a phone.</summary>
public abstract class OnboardingScenarioTests(DatabaseKind kind)
{
    public sealed class Sqlite() : OnboardingScenarioTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : OnboardingScenarioTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task A_newcomer_whose_phone_is_late_gets_a_loan_phone_on_the_first_day()
    {
        await using var s = await LifecycleScenario.StartAsync(kind, 0, ("DemoUsers:nils.ny", "Employee"));
        var startDate = await s.RegisterNewHireAsync();

        var onboarding = await s.StartAsync("hanna.hr", "onboarding", new { employeeId = "nils.ny", startDate = startDate.ToString("O") });
        var id = onboarding["id"]!.GetValue<Guid>();
        Assert.Empty(await s.GetArrayAsync("/api/instances?definitionKey=ordering"));

        await s.AdvanceAsync(TimeSpan.FromDays(15));   // now within five working days of the start
        await s.TaskAsync("anna.chef", "approve-order");
        await s.AdvanceAsync(TimeSpan.FromDays(6) + TimeSpan.FromHours(1));   // the first day has come, no phone yet
        await s.CompleteAsync("sam.service", "hand-out-loan", null, id);
        var loanId = (await s.WaitForAsync(id, i => i["variables"]!["loanDeviceId"] is not null))["variables"]!["loanDeviceId"]!.GetValue<string>();
        Assert.Equal("OnLoan", (await s.GetAsync($"/api/devices/{loanId}"))["status"]!.GetValue<string>());

        await s.CompleteAsync("anna.chef", "approve-order", new { approved = true, justification = "Ny medarbetare" });
        await s.CompleteAsync("sam.service", "deliver-device");
        await s.CompleteAsync("nils.ny", "acknowledge-handover", new { acknowledged = true });
        await s.CompleteAsync("sam.service", "return-loan", null, id);
        await s.WaitForStatusAsync(id, "Completed");

        var device = Assert.Single((await s.LinksAsync("nils.ny"))["devices"]!.AsArray())!;
        Assert.Equal("Assigned", device["status"]!.GetValue<string>());
        Assert.Equal("InStock", (await s.GetAsync($"/api/devices/{loanId}"))["status"]!.GetValue<string>());
    }
}
