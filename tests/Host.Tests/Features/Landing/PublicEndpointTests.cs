using System.Net;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Landing;

public sealed class PublicEndpointTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Health_answers_without_a_token()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Landing_page_is_public_Swedish_and_shows_demo_sign_in()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"sv\"", html);
        Assert.Contains("/api/auth/demo-token", html);
        foreach (var user in new[] { "admin", "process.owner", "anna.chef", "sam.service", "erik.anstalld" })
            Assert.Contains(user, html);
    }

    [Fact]
    public async Task Unknown_api_route_without_token_is_401_problem()
    {
        using var client = factory.CreateClient();

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/nothing-here"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_api_route_with_token_is_404_problem()
    {
        using var client = await factory.ClientFor("admin");

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }
}
