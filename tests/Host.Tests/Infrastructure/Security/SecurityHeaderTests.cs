using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Security;

public sealed class SecurityHeaderTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Pages_carry_a_policy_that_allows_only_this_origin_and_forbids_framing()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/signin");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp); // no inline or eval'd script
        Assert.Contains("connect-src 'self'", csp); // the circuit's WebSocket
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        AssertCommonHeaders(response);
        Assert.True(response.Headers.CacheControl!.NoStore); // a page can show personal data
    }

    [Fact]
    public async Task Api_answers_are_never_stored_and_carry_the_headers_even_as_errors()
    {
        using var client = await factory.ClientFor("admin");

        foreach (var path in new[] { "/api/auth/me", "/api/people", "/api/nothing-here" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
            AssertCommonHeaders(response);
        }
        using var anonymous = factory.CreateClient();
        using var refused = await anonymous.GetAsync("/api/people");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("no-store", refused.Headers.CacheControl!.ToString());
        AssertCommonHeaders(refused);
    }

    [Fact]
    public async Task Static_assets_keep_their_own_caching()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.NotEqual("no-store", response.Headers.CacheControl?.ToString());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Development_sends_no_HSTS()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://rjh.example/") });

        using var response = await client.GetAsync("/signin");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Production_sends_HSTS_over_https()
    {
        // Demo sign-in is refused in Production, so this host signs in with OpenID Connect (a provider never asked).
        await using var production = HostFactory.With(null, "Production",
            ("Authentication:Mode", "Oidc"), ("AzureAd:Authority", "http://127.0.0.1:9/v2.0"),
            ("AzureAd:ClientId", "rjh-device-workflows"), ("AzureAd:RequireHttpsMetadata", "false"));
        using var client = production.CreateClient(new() { BaseAddress = new Uri("https://rjh.example/") });

        using var response = await client.GetAsync("/health/live");

        await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
        AssertCommonHeaders(response);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
