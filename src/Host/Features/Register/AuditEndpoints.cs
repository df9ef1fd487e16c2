using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry.Audit;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// The audit trail of every part that keeps one (<see cref="IAuditSource"/> in DI), merged newest first. Each
/// source decides what the caller may read (admin all, managers their units).
/// </summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Read).WithTags("Register");
        return app;
    }

    public static async Task<Results<Ok<List<AuditEntryView>>, ValidationProblem>> Read(ClaimsPrincipal user,
        [FromServices] IEnumerable<IAuditSource> sources, CancellationToken ct, string? entity = null, string? id = null, int limit = 200)
    {
        if (limit is < 1 or > 1000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit ska vara 1–1000."] });
        var caller = user.ToRegisterUser();
        var entries = new List<AuditEntryView>();
        foreach (var source in sources)
            foreach (var name in source.Entities.Where(e => entity is null || string.Equals(e, entity, StringComparison.OrdinalIgnoreCase)))
                entries.AddRange(await source.ReadAsync(name, id, caller, limit, ct));
        return TypedResults.Ok(entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit).ToList());
    }
}
