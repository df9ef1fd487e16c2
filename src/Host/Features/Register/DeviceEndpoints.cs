using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// Devices. Reads show only what the caller may see (own, their units', or everything for ServiceCenter and
/// admin); an invisible device is 404 like an unknown one. Changes: ServiceCenter and admin, decided by the register.
/// </summary>
internal static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Register");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPost("/import", Import);
        group.MapPost("/{id:guid}/status", SetStatus);
        group.MapPost("/{id:guid}/assign", Assign);
        group.MapPost("/{id:guid}/mdm", RecordMdm);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DeviceView>>> List(ClaimsPrincipal user, [FromServices] IDeviceRegister devices,
        CancellationToken ct, DeviceStatus? status = null, string? q = null) =>
        TypedResults.Ok(await devices.ListAsync(user.ToRegisterUser(), new DeviceQuery(status, q), ct));

    public static async Task<Ok<DeviceView>> Get(Guid id, ClaimsPrincipal user, [FromServices] IDeviceRegister devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.GetAsync(user.ToRegisterUser(), id, ct));

    public static async Task<Created<DeviceView>> Create(NewDevice device, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IDeviceRegister devices, CancellationToken ct)
    {
        var created = await devices.RegisterAsync(user.ToRegisterUser(), device, request.OperationKey(), ct);
        return TypedResults.Created($"/api/devices/{created.Id}", created);
    }

    public static async Task<Ok<DeviceView>> SetStatus(Guid id, DeviceStatusChange change, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IDeviceRegister devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.SetStatusAsync(user.ToRegisterUser(), id, change.Status, change.Reason, request.OperationKey(), ct));

    public static async Task<Ok<DeviceView>> Assign(Guid id, AssignDevice assign, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IDeviceRegister devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.AssignAsync(user.ToRegisterUser(), id, assign.EmployeeId, request.OperationKey(), ct));

    public static async Task<Ok<DeviceView>> RecordMdm(Guid id, MdmReport report, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IDeviceRegister devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.RecordMdmAsync(user.ToRegisterUser(), id, report, request.OperationKey(), ct));

    public static async Task<Ok<DeviceImportResult>> Import(ClaimsPrincipal user, HttpRequest request,
        [FromServices] IRegisterImports imports, CancellationToken ct)
    {
        if (!string.Equals(request.MediaType(), "text/csv", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException("Skicka filen som text/csv.", StatusCodes.Status415UnsupportedMediaType);
        var caller = user.ToRegisterUser();
        // Roles first, so a caller who may not import is refused before the file is read.
        if (!caller.SeesWholeRegister) throw new RegisterForbiddenException("Endast Servicecenter och administratörer får importera.");
        return TypedResults.Ok(await imports.ImportDevicesAsync(caller, await request.ReadImportAsync(ct), request.OperationKey(), ct));
    }
}

internal sealed record DeviceStatusChange(DeviceStatus Status, string? Reason);

internal sealed record AssignDevice(string EmployeeId);
