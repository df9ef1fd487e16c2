using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.WorkEnvironment;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;

namespace RJH.DeviceWorkflows.Host.Tests.WorkEnvironment;

/// <summary>The Riskbedömningar page's list of units the rollout gate holds back: counts per unit, for the policy's roles only.</summary>
public sealed class RolloutHoldsTests
{
    [Fact]
    public async Task An_order_waiting_at_the_gate_holds_its_unit_back_and_only_the_risk_assessment_roles_see_it()
    {
        await using var s = await LifecycleScenario.StartAsync();
        var order = await s.StartAsync("maja.mobil", "ordering",
            new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New", underRollout = true });
        var orderId = order["id"]!.GetValue<Guid>();
        await s.CompleteAsync("olle.chef", "approve-order", new { approved = true, justification = "Mobilt team" }, orderId);
        await s.WaitForAsync(orderId, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "waitAssessment"));

        await using var scope = s.Host.Services.CreateAsyncScope();
        var holds = scope.ServiceProvider.GetRequiredService<IRolloutHolds>();

        var held = await holds.HeldUnitsAsync(Person("hanna.hr", AppRoles.HR));
        Assert.Equal(new HeldUnit("HS-STROKE", 1), Assert.Single(held));
        await Assert.ThrowsAsync<ForbiddenException>(() => holds.HeldUnitsAsync(Person("erik.anstalld", AppRoles.Employee)));
    }

    private static ClaimsPrincipal Person(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
