using System.Net;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Ui;

/// <summary>
/// The bpmn-js viewer is bundled by the build (Host.csproj, BundleDiagramViewer) and served as a static asset:
/// a 200 here proves both that the build produced it and that it made it into the static web assets manifest.
/// </summary>
public sealed class DiagramBundleTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Theory]
    [InlineData("/dist/diagram.js", "text/javascript", "export")]
    [InlineData("/dist/diagram.css", "text/css", ".rjh-active")]
    public async Task The_viewer_bundle_is_served_to_anyone(string path, string contentType, string contains)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(contains, body, StringComparison.Ordinal);
        // bpmn-js itself is in it, not only our few lines.
        Assert.True(body.Length > 20_000, $"{path} has only {body.Length} characters");
    }
}
