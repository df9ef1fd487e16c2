using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Messages;

/// <summary>
/// Messages from outside a process (an operator's confirmation, a signed risk assessment). Sending one
/// moves other people's processes on, so it is for the service center and admins (and, later, integrations).
/// </summary>
internal static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/messages").WithTags("Messages")
            .MapPost("/", Send).RequireAuthorization(Policies.MessageSender);
        return app;
    }

    public static async Task<Results<Ok<MessageResult>, ValidationProblem, ProblemHttpResult>> Send(
        SendMessageRequest request, ClaimsPrincipal user, [FromServices] IWorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return Problems.Invalid("name", "Name the message.");

        var matched = await engine.CorrelateMessageAsync(request.Name.Trim(), request.CorrelationKey, request.Variables,
            user.ToCaller(), ct);
        return matched > 0
            ? TypedResults.Ok(new MessageResult(matched))
            : Problems.NotFound(request.CorrelationKey is null
                ? $"Nothing waits for message '{request.Name}'."
                : $"Nothing waits for message '{request.Name}' with correlation key '{request.CorrelationKey}'.");
    }
}

internal sealed record SendMessageRequest(string? Name, string? CorrelationKey, JsonObject? Variables);

internal sealed record MessageResult(int Matched);
