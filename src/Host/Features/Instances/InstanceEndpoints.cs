using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Instances;

/// <summary>
/// Process instances. Open to every signed-in user: the engine decides per instance, from the caller,
/// who may start (rjh:starterRoles), see and cancel it.
/// </summary>
internal static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances");
        group.MapPost("/", Start);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/journal", GetJournal);
        group.MapPost("/{id:guid}/cancel", Cancel);
        return app;
    }

    public static async Task<Results<Created<InstanceView>, ValidationProblem>> Start(StartInstanceRequest request,
        ClaimsPrincipal user, [FromServices] IWorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
            return Problems.Invalid("definitionKey", "Name the process definition to start.");

        var instance = await engine.StartAsync(
            new StartInstance(request.DefinitionKey.Trim(), request.BusinessKey, request.Variables, request.StartedFor), user.ToCaller(), ct);
        return TypedResults.Created($"/api/instances/{instance.Id}", instance);
    }

    /// <summary>Newest first; the default page is the store's (500).</summary>
    private const int MaxLimit = 5000;

    public static async Task<Results<Ok<IReadOnlyList<InstanceView>>, ValidationProblem>> List(string? definitionKey,
        string? status, int? limit, ClaimsPrincipal user, [FromServices] IWorkflowQueries queries, CancellationToken ct)
    {
        InstanceStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            // Match names only: Enum.TryParse would also take numbers such as "7".
            var name = Enum.GetNames<InstanceStatus>()
                .FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
                return Problems.Invalid("status", $"Use one of: {string.Join(", ", Enum.GetNames<InstanceStatus>())}.");
            parsedStatus = Enum.Parse<InstanceStatus>(name);
        }

        if (limit is < 1 or > MaxLimit) return Problems.Invalid("limit", $"Use 1 to {MaxLimit}.");
        var query = new InstanceQuery(string.IsNullOrWhiteSpace(definitionKey) ? null : definitionKey.Trim(), parsedStatus,
            limit ?? new InstanceQuery().Max);
        return TypedResults.Ok(await queries.ListInstancesAsync(query, user.ToCaller(), ct));
    }

    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        await queries.GetInstanceAsync(id, user.ToCaller(), ct) is { } instance
            ? TypedResults.Ok(instance)
            : Problems.NotFound($"No process instance {id}.");

    public static async Task<Ok<IReadOnlyList<JournalEntryView>>> GetJournal(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetJournalAsync(id, user.ToCaller(), ct));

    public static async Task<Ok<InstanceView>> Cancel(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.CancelAsync(id, user.ToCaller(), ct));
}

/// <param name="StartedFor">The user name of the person the request is about, when the caller starts it for them.</param>
internal sealed record StartInstanceRequest(string? DefinitionKey, string? BusinessKey, JsonObject? Variables, string? StartedFor = null);
