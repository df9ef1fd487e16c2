using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Host.Features.Activities;

/// <summary>
/// What workflows can call: the activity descriptors declared in C#, as they are and as element
/// templates for the designer. Read by any signed-in user (they describe code, not data).
/// </summary>
internal static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", List).WithTags("Activities");
        app.MapGet("/api/designer/element-templates", ElementTemplates).WithTags("Designer");
        return app;
    }

    public static Ok<IEnumerable<ActivityDescriptor>> List([FromServices] ActivityCatalog catalog) =>
        TypedResults.Ok(catalog.Descriptors);

    /// <summary><c>?lang=en</c> gives English names; Swedish is the default.</summary>
    public static Ok<JsonArray> ElementTemplates([FromServices] ActivityCatalog catalog, string? lang) =>
        TypedResults.Ok(new JsonArray([.. catalog.Descriptors.Select(d => ElementTemplate.From(d, english: IsEnglish(lang)))]));

    private static bool IsEnglish(string? lang) => string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
}
