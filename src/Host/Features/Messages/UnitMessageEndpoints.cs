using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Messages;

/// <summary>Meddelande till enheten over the API: the same <see cref="UnitMessages"/> the page uses, for managers.</summary>
internal static class UnitMessageEndpoints
{
    public static IEndpointRouteBuilder MapUnitMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/unit-messages").WithTags("Unit messages").RequireAuthorization(Policies.Manager);
        group.MapGet("/units", Units);
        group.MapPost("/", Send);
        group.MapGet("/{id:guid}", Get);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UnitChoice>>> Units(ClaimsPrincipal user, [FromServices] UnitMessages messages, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<UnitChoice>>((await messages.UnitsAsync(user, ct)).Select(u => new UnitChoice(u.Id, u.Name)).ToList());

    private static async Task<Results<Created<UnitMessageView>, ValidationProblem>> Send(UnitMessageRequest request, ClaimsPrincipal user,
        [FromServices] UnitMessages messages, CancellationToken ct)
    {
        try
        {
            var id = await messages.SendAsync(user, request, ct);
            return TypedResults.Created($"/api/unit-messages/{id}", await messages.GetAsync(user, id, ct));
        }
        catch (UnitMessageInvalidException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }
    }

    private static async Task<Results<Ok<UnitMessageView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        [FromServices] UnitMessages messages, CancellationToken ct) =>
        await messages.GetAsync(user, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"No message {id} of yours.");
}

internal sealed record UnitChoice(string Id, string Name);
