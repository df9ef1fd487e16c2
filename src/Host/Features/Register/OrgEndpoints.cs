using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>Units, people and the HR import. Units: any signed-in user reads; HR and admin change. People: see <see cref="IOrgRegister"/>.</summary>
internal static class OrgEndpoints
{
    public static IEndpointRouteBuilder MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Register");
        units.MapGet("/", ListUnits);
        units.MapGet("/{id}", GetUnit);
        units.MapPost("/", CreateUnit);
        units.MapPost("/{id}/rollout", SetRollout);

        var people = app.MapGroup("/api/people").WithTags("Register");
        people.MapGet("/", ListPeople);
        people.MapGet("/{id}", GetPerson);
        people.MapGet("/{id}/links", Links);
        people.MapPost("/", CreatePerson);
        people.MapPost("/{id}/status", SetPersonStatus);

        app.MapPost("/api/org/import", Import).WithTags("Register");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UnitInfo>>> ListUnits([FromServices] IOrgRegister org, CancellationToken ct) =>
        TypedResults.Ok(await org.ListUnitsAsync(ct));

    public static async Task<Ok<UnitInfo>> GetUnit(string id, [FromServices] IOrgRegister org, CancellationToken ct) =>
        TypedResults.Ok(await org.GetUnitAsync(id, ct));

    public static async Task<Created<UnitInfo>> CreateUnit(NewUnit unit, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IOrgRegister org, CancellationToken ct)
    {
        var created = await org.CreateUnitAsync(user.ToRegisterUser(), unit, request.OperationKey(), ct);
        return TypedResults.Created($"/api/units/{Uri.EscapeDataString(created.Id)}", created);
    }

    public static async Task<Ok<UnitInfo>> SetRollout(string id, RolloutChange change, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IOrgRegister org, CancellationToken ct) =>
        TypedResults.Ok(await org.SetRolloutModeAsync(user.ToRegisterUser(), id, change.Mode, request.OperationKey(), ct));

    public static async Task<Ok<IReadOnlyList<PersonInfo>>> ListPeople(ClaimsPrincipal user, [FromServices] IOrgRegister org,
        CancellationToken ct, string? q = null) =>
        TypedResults.Ok(await org.ListPeopleAsync(user.ToRegisterUser(), q, ct));

    public static async Task<Ok<PersonInfo>> GetPerson(string id, ClaimsPrincipal user, [FromServices] IOrgRegister org, CancellationToken ct) =>
        TypedResults.Ok(await org.GetPersonAsync(user.ToRegisterUser(), id, ct));

    /// <summary>What is still linked to the person: the register's writers only, as offboarding works from it.</summary>
    public static async Task<Ok<PersonLinks>> Links(string id, ClaimsPrincipal user, [FromServices] IOrgRegister org, CancellationToken ct)
    {
        var caller = user.ToRegisterUser();
        if (!caller.SeesWholeRegister) throw new RegisterForbiddenException("Endast Servicecenter och administratörer ser kopplingarna.");
        await org.GetPersonAsync(caller, id, ct);
        return TypedResults.Ok(await org.LinksOfAsync(id, ct));
    }

    public static async Task<Created<PersonInfo>> CreatePerson(NewPerson person, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IOrgRegister org, CancellationToken ct)
    {
        var created = await org.CreatePersonAsync(user.ToRegisterUser(), person, request.OperationKey(), ct);
        return TypedResults.Created($"/api/people/{Uri.EscapeDataString(created.EmployeeId)}", created);
    }

    public static async Task<Ok<PersonInfo>> SetPersonStatus(string id, PersonStatusChange change, ClaimsPrincipal user, HttpRequest request,
        [FromServices] IOrgRegister org, CancellationToken ct) =>
        TypedResults.Ok(await org.SetPersonStatusAsync(user.ToRegisterUser(), id, change.Status, request.OperationKey(), ct));

    /// <summary>The HR export as <c>text/csv</c> or <c>application/json</c>.</summary>
    /// <param name="confirmRemovals">Lets the import flag more than Register:MaxOffboardingShare of the people (else 409 with the count).</param>
    public static async Task<Ok<OrgImportResult>> Import(ClaimsPrincipal user, HttpRequest request, [FromServices] IRegisterImports imports,
        CancellationToken ct, bool confirmRemovals = false)
    {
        var format = request.MediaType()?.ToLowerInvariant() switch
        {
            "text/csv" => OrgExportFormat.Csv,
            "application/json" => OrgExportFormat.Json,
            _ => throw new BadHttpRequestException("Skicka HR-exporten som text/csv eller application/json.",
                StatusCodes.Status415UnsupportedMediaType),
        };
        var caller = user.ToRegisterUser();
        if (!caller.IsAdmin && !caller.IsIn(RegisterRoles.HR))
            throw new RegisterForbiddenException("Endast HR och administratörer får importera organisationen.");
        return TypedResults.Ok(await imports.ImportOrgAsync(caller, await request.ReadImportAsync(ct), format, confirmRemovals, request.OperationKey(), ct));
    }
}

internal sealed record RolloutChange(RolloutMode Mode);

internal sealed record PersonStatusChange(PersonStatus Status);
