using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace RJH.DeviceWorkflows.Host.Infrastructure.OpenApi;

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>) and its browser (<c>/scalar</c>). Schemas come from the
/// handlers' typed results; each operation's description says who may call it (the endpoint's roles, and the
/// row of docs/api.md for the checks made per object), with an example request where one is cheap to give.
/// </summary>
internal static class OpenApiDocumentation
{
    public const string DocumentName = "v1";
    private const string Bearer = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        var reference = ApiReference.Load();
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the API: pages, sign-in forms and health are not for programs.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "RJH Device Workflows API",
                    Version = DocumentName,
                    Description = "Workflows and rules for the region's work phones. JSON with camelCase names, enums as strings, " +
                        "errors as RFC 9457 problems. Every operation needs `Authorization: Bearer <token>` unless it says anonymous " +
                        "(demo: `POST /api/auth/demo-token`). Answers carry personal data and are never cached.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A token from POST /api/auth/demo-token (demo mode).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) => Describe(operation, context, reference));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        // Signed-in users only (the fallback policy): the document is no secret, but nor is it for the whole internet.
        app.MapOpenApi();
        app.MapScalarApiReference("/scalar", options => options
            .WithTitle("RJH Device Workflows API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(Bearer)
            .DisableDefaultFonts());
        return app;
    }

    private static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, ApiReference reference)
    {
        var api = context.Description;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = await RolesAsync(metadata, context.ApplicationServices);
        var row = reference.Find(api.HttpMethod ?? "GET", "/" + api.RelativePath);

        var who = anonymous ? "Anonymous."
            : roles.Count > 0 ? $"Roles: {string.Join(", ", roles)}."
            : "Any signed-in user.";
        var lines = new List<string> { $"**Who:** {who}" + (row is null ? "" : $" {row.Who}") };
        if (row is { Request.Length: > 0 }) lines.Add($"**Request:** {row.Request}");
        if (row is { Response.Length: > 0 }) lines.Add($"**Responses:** {row.Response}");
        operation.Description = string.Join("\n\n", lines);

        if (!anonymous)
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
        if (ApiExamples.For(api.HttpMethod, "/" + api.RelativePath) is { } example)
            ApiExamples.Apply(operation, example);
    }

    /// <summary>The roles the endpoint's own policies demand (the fallback policy asks only for a signed-in user).</summary>
    private static async Task<IReadOnlyList<string>> RolesAsync(IList<object> metadata, IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (data.Roles is { } listed) roles.UnionWith(listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            if (data.Policy is { } name && await provider.GetPolicyAsync(name) is { } policy)
                roles.UnionWith(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
        }
        return [.. roles];
    }
}
