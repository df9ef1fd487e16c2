using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Incidents;

/// <summary>
/// Incidents: steps that failed for good (retries used up, a script that broke its sandbox, an uncaught error).
/// Admins only: an incident's error text can name systems and data of any process.
/// </summary>
internal static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List);
        group.MapPost("/{id:guid}/retry", Retry);
        group.MapPost("/{id:guid}/resolve", Resolve);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<IncidentListItem>>> List(ClaimsPrincipal user,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListIncidentsAsync(user.ToCaller(), ct));

    /// <summary>Tries the failed step again; a job gets a fresh set of attempts. The body is optional.</summary>
    public static async Task<Ok<InstanceView>> Retry(Guid id, IncidentActionRequest? request, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.RetryIncidentAsync(id, request?.Variables, user.ToCaller(), ct));

    /// <summary>Someone did the step by hand: it counts as done and the instance moves on. The body is optional.</summary>
    public static async Task<Ok<InstanceView>> Resolve(Guid id, IncidentActionRequest? request, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.ResolveIncidentAsync(id, request?.Variables, user.ToCaller(), ct));
}

/// <summary>Variables merged into the instance before the step is retried or counted as done.</summary>
internal sealed record IncidentActionRequest(JsonObject? Variables);
