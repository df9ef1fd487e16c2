using System.Net;
using System.Net.Http.Json;
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

    private static Task<HttpResponseMessage> Evaluate(HttpClient client) =>
        client.PostAsJsonAsync("/api/policies/entitlement/evaluate", new { });

    private static FormUrlEncodedContent SignInForm() =>
        new(new Dictionary<string, string> { ["user"] = "admin", ["returnUrl"] = "/" });
}
