using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>Extensions (anknytningar): visible to their holder, the holder's managers, ServiceCenter and admin; changed by ServiceCenter and admin.</summary>
internal static class ExtensionEndpoints
{
    public static IEndpointRouteBuilder MapExtensionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/extensions").WithTags("Register");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPost("/{id:guid}/status", SetStatus);
        group.MapPost("/{id:guid}/move", Move);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ExtensionView>>> List(ClaimsPrincipal user, [FromServices] IExtensionRegister register,
        CancellationToken ct, ExtensionStatus? status = null, string? q = null) =>
        TypedResults.Ok(await register.ListAsync(user.ToRegisterUser(), status, q, ct));

    public static async Task<Ok<ExtensionView>> Get(Guid id, ClaimsPrincipal user, [FromServices] IExtensionRegister register,
        CancellationToken ct) =>
        TypedResults.Ok(await register.GetAsync(user.ToRegisterUser(), id, ct));

    public static async Task<Created<ExtensionView>> Create(NewExtension extension, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IExtensionRegister register, CancellationToken ct)
    {
        var created = await register.CreateAsync(user.ToRegisterUser(), extension, request.OperationKey(), ct);
        return TypedResults.Created($"/api/extensions/{created.Id}", created);
    }

    public static async Task<Ok<ExtensionView>> SetStatus(Guid id, ExtensionStatusChange change, ClaimsPrincipal user,
        HttpRequest request, [FromServices] IExtensionRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.SetStatusAsync(user.ToRegisterUser(), id, change.Status, request.OperationKey(), ct));

    public static async Task<Ok<ExtensionView>> Move(Guid id, Holder holder, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IExtensionRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.MoveAsync(user.ToRegisterUser(), id, holder, request.OperationKey(), ct));
}

internal sealed record ExtensionStatusChange(ExtensionStatus Status, string? Reason);
