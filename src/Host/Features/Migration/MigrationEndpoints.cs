using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime.Migration;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Migration;

/// <summary>Moving running instances of a process to another version (process owners and admins).</summary>
internal static class MigrationEndpoints
{
    public static IEndpointRouteBuilder MapMigrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions/{key}/migrations").WithTags("Definitions")
            .RequireAuthorization(Policies.DefinitionAuthor);
        group.MapPost("/dry-run", DryRun)
            .WithSummary("Checks running instances of fromVersion against toVersion; changes nothing")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Migrate)
            .WithSummary("Moves the chosen instances to toVersion, one command each; those that cannot move stay with the reason")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<MigrationDryRun>> DryRun(string key, MigrationRequest request, ClaimsPrincipal user,
        [FromServices] IInstanceMigration migration, CancellationToken ct) =>
        TypedResults.Ok(await migration.DryRunAsync(request.ToPlan(key), user.ToCaller(), ct));

    public static async Task<Ok<IReadOnlyList<MigrationResult>>> Migrate(string key, MigrationRequest request, ClaimsPrincipal user,
        [FromServices] IInstanceMigration migration, CancellationToken ct) =>
        TypedResults.Ok(await migration.MigrateAsync(request.ToPlan(key), user.ToCaller(), ct));
}

/// <param name="Mapping">Element id in fromVersion → element id in toVersion, for renamed elements.</param>
/// <param name="InstanceIds">Only these instances; empty = every running instance of fromVersion.</param>
public sealed record MigrationRequest(int FromVersion, int ToVersion, Dictionary<string, string>? Mapping, List<Guid>? InstanceIds)
{
    public MigrationPlan ToPlan(string key) => new(key, FromVersion, ToVersion, Mapping, InstanceIds);
}
