using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;
using RJH.DeviceWorkflows.Rules;
using RJH.DeviceWorkflows.Rules.Decisions;

namespace RJH.DeviceWorkflows.Host.Features.PolicyRules;

/// <summary>
/// The decisions policy made for one process instance (the decision log), for whoever may read the instance:
/// the engine decides that from the caller, as for the instance itself.
/// </summary>
internal static class InstanceDecisionEndpoints
{
    public static IEndpointRouteBuilder MapInstanceDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/instances/{id:guid}/decisions", List).WithTags("Instances", "Policies")
            .WithSummary("The policy decisions made for the instance, oldest first");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<LoggedDecision>>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowQueries queries, [FromServices] IPolicyService policies, CancellationToken ct) =>
        await queries.GetInstanceAsync(id, user.ToCaller(), ct) is null
            ? Problems.NotFound($"No process instance {id}.")
            : TypedResults.Ok(await policies.DecisionsOfInstanceAsync(id, ct));
}
