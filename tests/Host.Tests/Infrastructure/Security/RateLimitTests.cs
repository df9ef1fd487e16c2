using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Infrastructure.Security;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_beyond_the_limit_is_429_with_retry_after()
    {
        await using var factory = HostFactory.With(null, "Development",
            ("RateLimits:SignIn:PermitLimit", "3"), ("RateLimits:SignIn:Window", "00:10:00"));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostAsync("/signin/demo", SignInForm());
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }
        using var refused = await client.PostAsync("/signin/demo", SignInForm());

        var problem = await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem["title"]!.GetValue<string>());
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) > 0);
        // Token minting is sign-in too and shares the budget.
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/auth/demo-token", new { user = "admin" }),
            HttpStatusCode.TooManyRequests);
        // Other requests are not limited.
        await HttpAssert.StatusAsync(await client.GetAsync("/signin"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Evaluate_and_import_are_limited_per_caller()
    {
        await using var factory = HostFactory.WithDemo(null,
            ("RateLimits:Evaluate:PermitLimit", "2"), ("RateLimits:Evaluate:Window", "00:10:00"),
            ("RateLimits:Import:PermitLimit", "1"), ("RateLimits:Import:Window", "00:10:00"));
        using var owner = await factory.ClientFor("process.owner");
        using var manager = await factory.ClientFor("anna.chef");
        using var admin = await factory.ClientFor("admin");

        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Evaluate(owner)).StatusCode);
        await HttpAssert.ProblemAsync(await Evaluate(owner), HttpStatusCode.TooManyRequests);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Evaluate(manager)).StatusCode);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await admin.PostAsJsonAsync("/api/org/import", new { })).StatusCode);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/devices/import", new { }), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Starting_an_openid_connect_sign_in_is_sign_in_and_shares_its_limit()
    {
        await using var factory = HostFactory.With(null, "Development",
            ("RateLimits:SignIn:PermitLimit", "2"), ("RateLimits:SignIn:Window", "00:10:00"));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/signin/oidc?returnUrl=%2F");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        await HttpAssert.ProblemAsync(await client.GetAsync("/signin/oidc?returnUrl=%2F"), HttpStatusCode.TooManyRequests);
        await HttpAssert.ProblemAsync(await client.PostAsync("/signin/demo", SignInForm()), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_import_pages_check_and_import_are_limited_per_person_as_the_api_import_is()
    {
        await using var factory = HostFactory.With(null, "Development",
            ("RateLimits:Import:PermitLimit", "2"), ("RateLimits:Import:Window", "00:10:00"));
        var limits = factory.Services.GetRequiredService<PageRateLimits>();
        var sam = Person("sam.service");

        Assert.True(limits.TryTake(nameof(RateLimitSettings.Import), sam));
        Assert.True(limits.TryTake(nameof(RateLimitSettings.Import), sam));
        Assert.False(limits.TryTake(nameof(RateLimitSettings.Import), sam));
        Assert.True(limits.TryTake(nameof(RateLimitSettings.Import), Person("admin")));
    }

    private static System.Security.Claims.ClaimsPrincipal Person(string name) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, name)], "test"));

    private static Task<HttpResponseMessage> Evaluate(HttpClient client) =>
        client.PostAsJsonAsync("/api/policies/entitlement/evaluate", new { });

    private static FormUrlEncodedContent SignInForm() =>
        new(new Dictionary<string, string> { ["user"] = "admin", ["returnUrl"] = "/" });
}
