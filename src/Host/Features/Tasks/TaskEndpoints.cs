using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Tasks;

/// <summary>
/// The inbox. Every signed-in user has one; the engine lists only tasks assigned to the caller or open
/// to one of their roles, and refuses to claim or complete anyone else's.
/// </summary>
internal static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/{id:guid}/claim", Claim);
        group.MapPost("/{id:guid}/unclaim", Unclaim);
        group.MapPost("/{id:guid}/complete", Complete);
        return app;
    }

    /// <summary>
    /// An inbox page (filters: <see cref="InboxRequest"/>); the count of all matching tasks is in <c>X-Total-Count</c>,
    /// with <c>X-Total-Count-Capped: true</c> when more match than it says.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<TaskView>>, ValidationProblem>> List([AsParameters] InboxRequest request,
        ClaimsPrincipal user, HttpResponse response, [FromServices] IWorkflowQueries queries,
        [FromServices] IOptions<InboxOptions> inbox, CancellationToken ct)
    {
        var (query, field, error) = request.Read(inbox.Value.CountStep);
        if (query is null) return Problems.Invalid(field, error);
        var page = await queries.FindTasksAsync(user.ToCaller(), query, ct);
        response.Headers[InboxRequest.TotalHeader] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.Capped) response.Headers[InboxRequest.CappedHeader] = "true";
        return TypedResults.Ok(page.Tasks);
    }

    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowQueries queries, CancellationToken ct) =>
        await queries.GetTaskAsync(id, user.ToCaller(), ct) is { } task
            ? TypedResults.Ok(task)
            : Problems.NotFound($"No task {id}.");

    public static async Task<Ok<TaskView>> Claim(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.ClaimTaskAsync(id, user.ToCaller(), ct));

    /// <remarks>The body is optional: completing a task without a form needs no variables.</remarks>
    public static async Task<Ok<TaskView>> Unclaim(Guid id, ClaimsPrincipal user,
        [FromServices] IWorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.UnclaimTaskAsync(id, user.ToCaller(), ct));

    /// <remarks>Checked against the task's form (workflows/forms): a forged or incomplete post is 400 naming the field.</remarks>
    public static async Task<Ok<TaskView>> Complete(Guid id, CompleteTaskRequest? request, ClaimsPrincipal user,
        [FromServices] TaskCompletion completion, CancellationToken ct) =>
        TypedResults.Ok(await completion.CompleteAsync(id, request?.Variables, user.ToCaller(), ct));
}

internal sealed record CompleteTaskRequest(JsonObject? Variables);
