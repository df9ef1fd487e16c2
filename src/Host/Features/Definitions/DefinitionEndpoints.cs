using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Definitions;

/// <summary>
/// Process definitions. Deploying and publishing is for process owners and admins; reading is open to
/// every signed-in user: people need to see what they can start, and a BPMN model holds no personal data.
/// </summary>
internal static class DefinitionEndpoints
{
    /// <summary>bpmn-js files of real processes are tens of KB; this leaves ample room and bounds the parser.</summary>
    public const long MaxBpmnBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions");
        group.MapPost("/", Deploy).RequireAuthorization(Policies.DefinitionAuthor);
        group.MapPost("/{key}/versions/{version:int}/publish", Publish).RequireAuthorization(Policies.DefinitionAuthor);
        group.MapGet("/", List);
        group.MapGet("/{key}", Get);
        group.MapGet("/{key}/versions/{version:int}/xml", GetXml);
        return app;
    }

    public static async Task<Created<DefinitionVersionView>> Deploy(HttpRequest request, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct, bool publish = false)
    {
        var xml = await XmlBody.ReadAsync(request, MaxBpmnBytes, ct);
        var deployed = await engine.DeployAsync(xml, publish, user.ToCaller(), ct);
        return TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(deployed.Key)}", deployed);
    }

    public static async Task<Ok<DefinitionVersionView>> Publish(string key, int version, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.PublishAsync(key, version, user.ToCaller(), ct));

    public static async Task<Ok<IReadOnlyList<DefinitionSummaryView>>> List(
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListDefinitionsAsync(ct));

    public static async Task<Results<Ok<DefinitionSummaryView>, ProblemHttpResult>> Get(string key,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        await queries.GetDefinitionAsync(key, ct) is { } definition
            ? TypedResults.Ok(definition)
            : Problems.NotFound($"No process definition '{key}'.");

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetXml(string key, int version,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        await queries.GetDefinitionXmlAsync(key, version, ct) is { } xml
            ? TypedResults.Text(xml, "application/xml")
            : Problems.NotFound($"No version {version} of process definition '{key}'.");
}
