using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>Subscriptions: visible to their holder, the holder's managers, ServiceCenter and admin; changed by ServiceCenter and admin.</summary>
internal static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/subscriptions").WithTags("Register");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPost("/{id:guid}/status", SetStatus);
        group.MapPost("/{id:guid}/transfer", Transfer);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SubscriptionView>>> List(ClaimsPrincipal user, [FromServices] ISubscriptionRegister register,
        CancellationToken ct, SubscriptionStatus? status = null, string? q = null) =>
        TypedResults.Ok(await register.ListAsync(user.ToRegisterUser(), status, q, ct));

    public static async Task<Ok<SubscriptionView>> Get(Guid id, ClaimsPrincipal user, [FromServices] ISubscriptionRegister register,
        CancellationToken ct) =>
        TypedResults.Ok(await register.GetAsync(user.ToRegisterUser(), id, ct));

    public static async Task<Created<SubscriptionView>> Create(NewSubscription subscription, ClaimsPrincipal user, HttpRequest request,
        [FromServices] ISubscriptionRegister register, CancellationToken ct)
    {
        var created = await register.CreateAsync(user.ToRegisterUser(), subscription, request.OperationKey(), ct);
        return TypedResults.Created($"/api/subscriptions/{created.Id}", created);
    }

    public static async Task<Ok<SubscriptionView>> SetStatus(Guid id, SubscriptionStatusChange change, ClaimsPrincipal user,
        HttpRequest request, [FromServices] ISubscriptionRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.SetStatusAsync(user.ToRegisterUser(), id, change.Status, request.OperationKey(), ct));

    public static async Task<Ok<SubscriptionView>> Transfer(Guid id, Holder holder, ClaimsPrincipal user, HttpRequest request,
        [FromServices] ISubscriptionRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.TransferAsync(user.ToRegisterUser(), id, holder, request.OperationKey(), ct));
}

internal sealed record SubscriptionStatusChange(SubscriptionStatus Status, string? Reason);
