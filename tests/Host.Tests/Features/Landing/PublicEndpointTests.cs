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
    public async Task Pages_before_sign_in_lead_to_the_sign_in_page()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/tasks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Equal("?returnUrl=%2Ftasks", response.Headers.Location.Query);
    }

    [Fact]
    public async Task Sign_in_page_is_public_Swedish_and_offers_each_demo_user()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/signin");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"sv\"", html);
        Assert.Contains("action=\"/signin/demo\"", html);
        foreach (var user in new[] { "admin", "process.owner", "anna.chef", "sam.service", "erik.anstalld" })
            Assert.Contains($"value=\"{user}\"", html);
    }

    [Fact]
    public async Task Demo_sign_in_without_the_form_token_is_refused_and_sets_no_cookie()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/signin/demo",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "admin", ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") &&
                     response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("rjh.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unknown_api_route_without_token_is_404_problem()
    {
        using var client = factory.CreateClient();

        // Issue 13, hole 9: a 401 here told a prober nothing true about the path.
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_api_route_with_token_is_404_problem()
    {
        using var client = await factory.ClientFor("admin");

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }
}
