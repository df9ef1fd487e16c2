using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Jobs;

/// <summary>The Hangfire dashboard at /hangfire: admins only, by bearer header or by the browser cookie flow.</summary>
public sealed partial class DashboardAuthorizationTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Admin_with_a_bearer_token_gets_the_dashboard()
    {
        using var client = await factory.ClientFor("admin");

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RJH Device Workflows: jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_is_401()
    {
        using var client = NoRedirects();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire/jobs/enqueued")).StatusCode);
    }

    [Fact]
    public async Task A_garbage_token_is_401()
    {
        using var client = NoRedirects();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData("erik.anstalld")]
    [InlineData("process.owner")]
    [InlineData("sam.service")]
    public async Task Non_admin_is_403(string user)
    {
        using var client = await factory.ClientFor(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Browser_flow_exchanges_an_admins_token_for_a_dashboard_cookie_and_drops_the_token_from_the_url()
    {
        using var browser = NoRedirects();

        var exchange = await browser.GetAsync($"/hangfire/jobs/enqueued?access_token={await factory.TokenFor("admin")}&from=2");

        Assert.Equal(HttpStatusCode.Redirect, exchange.StatusCode);
        Assert.Equal("/hangfire/jobs/enqueued?from=2", exchange.Headers.Location?.OriginalString);
        var cookie = Assert.Single(exchange.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rjh.dashboard=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=1800", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await browser.SendAsync(WithCookie(HttpMethod.Get, "/hangfire/jobs/enqueued", CookiePair(cookie)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("erik.anstalld", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Browser_flow_refuses_a_non_admin_or_bad_token_and_sets_no_cookie(string? user, HttpStatusCode expected)
    {
        using var browser = NoRedirects();
        var token = user is null ? "CfDJ8-not-a-real-token" : await factory.TokenFor(user);

        var response = await browser.GetAsync($"/hangfire?access_token={Uri.EscapeDataString(token)}");

        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rjh.dashboard=")));
    }

    [Fact]
    public async Task A_tampered_cookie_is_401()
    {
        using var browser = NoRedirects();
        var exchange = await browser.GetAsync($"/hangfire?access_token={await factory.TokenFor("admin")}");
        var pair = CookiePair(exchange.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rjh.dashboard=")));

        var response = await browser.SendAsync(WithCookie(HttpMethod.Get, "/hangfire", pair[..^4] + "AAAA"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_cookie_does_not_sign_in_to_the_api()
    {
        using var browser = NoRedirects();
        var exchange = await browser.GetAsync($"/hangfire?access_token={await factory.TokenFor("admin")}");
        var pair = CookiePair(exchange.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rjh.dashboard=")));

        var response = await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/incidents", pair));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_dashboard_post_without_the_antiforgery_token_is_refused_even_with_the_cookie()
    {
        using var browser = NoRedirects();
        var exchange = await browser.GetAsync($"/hangfire?access_token={await factory.TokenFor("admin")}");
        var pair = CookiePair(exchange.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rjh.dashboard=")));

        var request = WithCookie(HttpMethod.Post, "/hangfire/stats", pair);
        request.Content = new FormUrlEncodedContent([KeyValuePair.Create("metrics[]", "enqueued:count")]);
        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_signed_in_by_cookie_can_use_the_dashboards_buttons_with_the_pages_antiforgery_token()
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var page = await browser.GetStringAsync($"/hangfire?access_token={await factory.TokenFor("admin")}");
        var token = CsrfToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("metrics[]", "servers:count")]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("servers:count", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex CsrfToken();

    private HttpClient NoRedirects() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>"name=value; path=...; httponly" → "name=value".</summary>
    private static string CookiePair(string setCookie) => setCookie.Split(';')[0];

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }
}
