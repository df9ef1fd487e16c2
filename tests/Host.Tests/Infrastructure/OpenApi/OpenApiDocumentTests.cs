using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.OpenApi;

public sealed partial class OpenApiDocumentTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Every_mapped_api_route_is_in_the_document()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {Normalise(p.Key)}"))
            .ToHashSet();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Normalise(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();

        Assert.True(mapped.Count > 50, $"only {mapped.Count} API routes found");
        var missing = mapped.Where(m => !paths.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Operations_say_who_may_call_them_and_need_the_bearer_token_unless_anonymous()
    {
        var document = await DocumentAsync();

        var clock = Operation(document, "/api/admin/clock", "post");
        Assert.StartsWith("**Who:** Roles: Admin.", Description(clock));
        Assert.Contains("PT1H", clock["requestBody"]!.ToJsonString());
        Assert.StartsWith("**Who:** Roles: Admin, ProcessOwner.", Description(Operation(document, "/api/definitions", "post")));
        var start = Description(Operation(document, "/api/instances", "post"));
        Assert.StartsWith("**Who:** Any signed-in user. starter roles (engine)", start);
        Assert.Contains("**Responses:** 201", start);
        Assert.NotNull(Operation(document, "/api/instances", "post")["security"]);
        var token = Operation(document, "/api/auth/demo-token", "post");
        Assert.StartsWith("**Who:** Anonymous.", Description(token));
        Assert.Null(token["security"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        // Schemas come from the typed results.
        Assert.NotNull(Operation(document, "/api/auth/me", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
    }

    [Fact]
    public async Task Scalar_shows_the_document_to_signed_in_people_only()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/openapi/v1.json", "/scalar/" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/signin", refused.Headers.Location!.AbsolutePath);
        }

        using var client = await factory.ClientFor("erik.anstalld");
        // "/scalar" redirects here, and HttpClient drops the token on a redirect.
        using var response = await client.GetAsync("/scalar/");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
        // Scalar starts itself with an inline module script: allowed on its own pages only.
        Assert.Contains("script-src 'self' 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = await factory.ClientFor("admin");
        using var response = await client.GetAsync("/openapi/v1.json");
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!;
    }

    private static JsonObject Operation(JsonObject document, string path, string method) =>
        document["paths"]![path]![method]!.AsObject();

    private static string Description(JsonObject operation) => operation["description"]!.GetValue<string>();

    /// <summary>Parameter names and constraints aside ("{id:guid}" = "{id}" = "{}"); a group's root loses its slash.</summary>
    private static string Normalise(string route)
    {
        var text = Parameter().Replace(route, "{}");
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
