using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests;

/// <summary>Keeps README.md and docs/ true to the code a newcomer will run.</summary>
public sealed partial class DocumentationTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Readme_gives_the_run_and_test_commands()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Contains("dotnet run --project src/Host", readme);
        Assert.Contains("dotnet test RJH.DeviceWorkflows.sln", readme);
        Assert.Contains("http://localhost:5080", readme);
        Assert.Contains("dotnet test RJH.DeviceWorkflows.sln", File.ReadAllText(Path.Combine(Root, ".ci", "run")));
    }

    [Fact]
    public void Every_endpoint_is_in_the_api_document()
    {
        var api = File.ReadAllText(Path.Combine(Root, "docs", "api.md"));
        var endpoints = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && !IsFrameworkOrAsset(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Normalise(e.RoutePattern.RawText)}"))
            .ToList();

        Assert.NotEmpty(endpoints);
        var missing = endpoints.Where(e => !Regex.IsMatch(api, "`" + Regex.Escape(e) + @"[`\[?]")).ToList();
        Assert.True(missing.Count == 0, "Not in docs/api.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_page_is_in_the_pages_document()
    {
        var pages = File.ReadAllText(Path.Combine(Root, "docs", "pages.md"));
        var routes = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => Normalise(e.RoutePattern.RawText))
            .Distinct()
            .ToList();

        Assert.Contains("/tasks", routes);
        var missing = routes.Where(r => !pages.Contains("`" + r + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not in docs/pages.md: " + string.Join(", ", missing));
    }

    private IEnumerable<RouteEndpoint> RouteEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>Blazor's own endpoints (circuit hub, framework scripts) and static files (routes without a leading slash).</summary>
    private static bool IsFrameworkOrAsset(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.RawText ?? "";
        return !route.StartsWith('/') || route.StartsWith("/_blazor", StringComparison.Ordinal)
            || route.StartsWith("/_framework", StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_example_is_the_tested_manager_approval_model()
    {
        var example = File.ReadAllText(Path.Combine(Root, "docs", "examples", "manager-approval.bpmn"));

        Assert.Equal(Bpmn.ManagerApproval.ReplaceLineEndings().Trim(), example.ReplaceLineEndings().Trim());
    }

    /// <summary>"/api/tasks/{id:guid}/claim" → "/api/tasks/{id}/claim"; a group's "/" root loses its slash.</summary>
    private static string Normalise(string? route)
    {
        var text = RouteConstraint().Replace(route ?? "", "}");
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }


    [GeneratedRegex(@":[a-z]+\}")]
    private static partial Regex RouteConstraint();
}
