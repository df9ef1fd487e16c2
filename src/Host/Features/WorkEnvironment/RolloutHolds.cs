using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

/// <summary>A unit whose orders the rollout gate holds until a signed-off risk assessment covers it.</summary>
public sealed record HeldUnit(string UnitId, int WaitingOrders);

/// <summary>
/// Which units the rollout gate still holds back: the running orders waiting at its catch event, counted per unit.
/// Unit ids and counts only — who ordered is not the business of HR or safety representatives reading this.
/// </summary>
public interface IRolloutHolds
{
    Task<IReadOnlyList<HeldUnit>> HeldUnitsAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

internal sealed class RolloutHolds(IWorkflowQueries queries, IAuthorizationService authorization) : IRolloutHolds
{
    private const string GateWait = "waitAssessment";

    public async Task<IReadOnlyList<HeldUnit>> HeldUnitsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.RiskAssessments)).Succeeded)
            throw new ForbiddenException("Only HR, safety representatives and managers see the rollout gate.");
        // The system caller because the engine shows other people's instances only to admins; what leaves here is counts.
        var orders = await queries.ListInstancesAsync(new InstanceQuery("ordering", InstanceStatus.Running), Caller.System, ct);
        return orders
            .Where(o => o.ActiveElements.Contains(GateWait))
            .Select(o => o.Variables["employee"]?["unitId"]?.GetValue<string>())
            .OfType<string>()
            .GroupBy(unit => unit, StringComparer.Ordinal)
            .Select(g => new HeldUnit(g.Key, g.Count()))
            .OrderBy(h => h.UnitId, StringComparer.Ordinal)
            .ToList();
    }
}
