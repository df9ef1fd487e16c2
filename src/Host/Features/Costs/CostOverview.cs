using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry.Outcomes;

namespace RJH.DeviceWorkflows.Host.Features.Costs;

public sealed record CostView(IReadOnlyList<UnitFact> Units, CostReport Report);

/// <summary>Costs per payer, unit and month for a manager's units (and below) or, for finance and admins, the whole region.</summary>
public interface ICostOverview
{
    /// <exception cref="ForbiddenException">The caller is neither a manager, finance nor an admin.</exception>
    /// <exception cref="ArgumentException">The period is the wrong way round or too long.</exception>
    Task<CostView> ReadAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default);
}

internal sealed class CostOverview(IAuthorizationService authorization, IOutcomeData register, IOptions<CostOptions> options,
    TimeProvider clock) : ICostOverview
{
    public async Task<CostView> ReadAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default)
    {
        await FigureAccess.EnsureAsync(authorization, user, filter, Policies.Costs);
        var facts = await register.ReadCostsAsync(user.ToRegisterUser(), new OutcomeQuery(filter.UnitId, filter.Start, filter.End), ct);
        return new CostView(facts.ScopeUnits, CostFigures.Compute(facts, options.Value, filter, clock.GetUtcNow()));
    }
}
