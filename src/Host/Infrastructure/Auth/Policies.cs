using Microsoft.AspNetCore.Authorization;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Named authorization policies of the API. Everything else only needs a signed-in user (the fallback
/// policy); per-instance and per-task access is decided by the engine, which receives the <c>Caller</c>.
/// </summary>
internal static class Policies
{
    /// <summary>Deploy and publish process definitions.</summary>
    public const string DefinitionAuthor = nameof(DefinitionAuthor);

    /// <summary>Deliver messages to waiting processes: integrations and the service center record external events.</summary>
    public const string MessageSender = nameof(MessageSender);

    /// <summary>Administration: the controllable clock, incidents.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Managers' pages: their units, their people, messages to a unit.</summary>
    public const string Manager = nameof(Manager);

    /// <summary>Risk assessments: HR, safety representatives and managers (each sees the units they may).</summary>
    public const string RiskAssessments = nameof(RiskAssessments);

    /// <summary>Costs: managers (their units), finance (the whole region, read only) and admins.</summary>
    public const string Costs = nameof(Costs);

    /// <summary>Operations pages (instances, incidents): Admin acts, process owners and the service center read.</summary>
    public const string Operations = nameof(Operations);

    public static void Add(AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(DefinitionAuthor, p => p.RequireRole(AppRoles.ProcessOwner, AppRoles.Admin))
        .AddPolicy(MessageSender, p => p.RequireRole(AppRoles.ServiceCenter, AppRoles.Admin))
        .AddPolicy(Admin, p => p.RequireRole(AppRoles.Admin))
        .AddPolicy(Operations, p => p.RequireRole(AppRoles.Admin, AppRoles.ProcessOwner, AppRoles.ServiceCenter))
        .AddPolicy(Manager, p => p.RequireRole(AppRoles.Manager, AppRoles.Admin))
        .AddPolicy(Costs, p => p.RequireRole(AppRoles.Manager, AppRoles.Finance, AppRoles.Admin))
        .AddPolicy(RiskAssessments, p => p.RequireRole(AppRoles.Manager, AppRoles.HR, AppRoles.SafetyRep, AppRoles.Admin));
}
