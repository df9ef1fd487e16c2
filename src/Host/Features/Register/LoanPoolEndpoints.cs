using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>Servicecenter's loan and swap stock: ServiceCenter and admin only (the register decides).</summary>
internal static class LoanPoolEndpoints
{
    public static IEndpointRouteBuilder MapLoanPoolEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/loan-pool").WithTags("Register");
        group.MapGet("/", Get);
        group.MapPost("/devices", Add);
        group.MapDelete("/devices/{deviceId:guid}", Remove);
        group.MapPut("/minimums/{model}", SetMinimum);
        group.MapPost("/loans", StartLoan);
        group.MapPost("/loans/{deviceId:guid}/end", EndLoan);
        return app;
    }

    public static async Task<Ok<LoanPoolView>> Get(ClaimsPrincipal user, [FromServices] ILoanPool pool, CancellationToken ct) =>
        TypedResults.Ok(await pool.GetAsync(user.ToRegisterUser(), ct));

    public static async Task<Ok<DeviceView>> Add(PoolDevice device, ClaimsPrincipal user, HttpRequest request, [FromServices] ILoanPool pool,
        CancellationToken ct) =>
        TypedResults.Ok(await pool.AddAsync(user.ToRegisterUser(), device.DeviceId, device.Site, request.OperationKey(), ct));

    public static async Task<Ok<DeviceView>> Remove(Guid deviceId, ClaimsPrincipal user, HttpRequest request, [FromServices] ILoanPool pool,
        CancellationToken ct) =>
        TypedResults.Ok(await pool.RemoveAsync(user.ToRegisterUser(), deviceId, request.OperationKey(), ct));

    public static async Task<Ok<LoanPoolModel>> SetMinimum(string model, PoolMinimum minimum, ClaimsPrincipal user, HttpRequest request,
        [FromServices] ILoanPool pool, CancellationToken ct) =>
        TypedResults.Ok(await pool.SetMinimumAsync(user.ToRegisterUser(), model, minimum.Minimum, request.OperationKey(), ct));

    public static async Task<Ok<DeviceView>> StartLoan(NewLoan loan, ClaimsPrincipal user, HttpRequest request, [FromServices] ILoanPool pool,
        CancellationToken ct) =>
        TypedResults.Ok(await pool.StartLoanAsync(user.ToRegisterUser(), loan.DeviceId, loan.EmployeeId, request.OperationKey(), ct));

    public static async Task<Ok<DeviceView>> EndLoan(Guid deviceId, ClaimsPrincipal user, HttpRequest request, [FromServices] ILoanPool pool,
        CancellationToken ct) =>
        TypedResults.Ok(await pool.EndLoanAsync(user.ToRegisterUser(), deviceId, request.OperationKey(), ct));
}

/// <param name="Site">Where the device is kept: one of <c>Register:LoanPool:Sites</c>; optional.</param>
internal sealed record PoolDevice(Guid DeviceId, string? Site = null);

internal sealed record PoolMinimum(int Minimum);

internal sealed record NewLoan(Guid DeviceId, string EmployeeId);
