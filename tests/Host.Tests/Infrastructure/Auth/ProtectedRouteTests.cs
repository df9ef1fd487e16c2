using System.Net;
using System.Net.Http.Headers;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Auth;

/// <summary>Every API route needs a signed-in user; role-restricted ones refuse other roles before any work is done.</summary>
public sealed class ProtectedRouteTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private const string Id = "5b0f3c1e-8f3e-4c4b-9a7e-2f1d0c9b8a71";

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "GET", "/api/auth/me" },
        { "POST", "/api/definitions" },
        { "POST", "/api/definitions/manager-approval/versions/1/publish" },
        { "GET", "/api/definitions" },
        { "GET", "/api/definitions/manager-approval" },
        { "GET", "/api/definitions/manager-approval/versions/1/xml" },
        { "POST", "/api/instances" },
        { "GET", "/api/instances" },
        { "GET", "/api/instances?definitionKey=manager-approval&status=Running" },
        { "GET", $"/api/instances/{Id}" },
        { "GET", $"/api/instances/{Id}/journal" },
        { "POST", $"/api/instances/{Id}/cancel" },
        { "GET", "/api/tasks" },
        { "GET", $"/api/tasks?instanceId={Id}" },
        { "GET", $"/api/tasks/{Id}" },
        { "POST", $"/api/tasks/{Id}/claim" },
        { "POST", $"/api/tasks/{Id}/complete" },
        { "POST", "/api/messages" },
        { "GET", "/api/admin/clock" },
        { "POST", "/api/admin/clock" },
        { "GET", "/api/incidents" },
        { "POST", $"/api/incidents/{Id}/retry" },
        { "POST", $"/api/incidents/{Id}/resolve" },
        { "GET", "/api/policies" },
        { "GET", "/api/policies/entitlement" },
        { "PUT", "/api/policies/entitlement" },
        { "POST", "/api/policies/entitlement/versions/1/publish" },
        { "POST", "/api/policies/entitlement/evaluate" },
        { "POST", "/api/policies/entitlement/evaluate?version=1" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Without_a_token_is_401(string method, string path)
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Request(method, path));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task With_a_garbage_token_is_401(string method, string path)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        await HttpAssert.ProblemAsync(await client.SendAsync(Request(method, path)), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("erik.anstalld", "POST", "/api/definitions")]
    [InlineData("anna.chef", "POST", "/api/definitions")]
    [InlineData("sam.service", "POST", "/api/definitions")]
    [InlineData("erik.anstalld", "POST", "/api/definitions/manager-approval/versions/1/publish")]
    [InlineData("anna.chef", "GET", "/api/admin/clock")]
    [InlineData("anna.chef", "POST", "/api/admin/clock")]
    [InlineData("process.owner", "POST", "/api/admin/clock")]
    [InlineData("erik.anstalld", "POST", "/api/messages")]
    [InlineData("anna.chef", "POST", "/api/messages")]
    [InlineData("erik.anstalld", "GET", "/api/incidents")]
    [InlineData("process.owner", "GET", "/api/incidents")]
    [InlineData("sam.service", "POST", $"/api/incidents/{Id}/retry")]
    [InlineData("anna.chef", "POST", $"/api/incidents/{Id}/resolve")]
    [InlineData("erik.anstalld", "PUT", "/api/policies/entitlement")]
    [InlineData("anna.chef", "PUT", "/api/policies/entitlement")]
    [InlineData("erik.anstalld", "POST", "/api/policies/entitlement/versions/1/publish")]
    public async Task A_role_that_may_not_is_403(string user, string method, string path)
    {
        using var client = await factory.ClientFor(user);

        await HttpAssert.ProblemAsync(await client.SendAsync(Request(method, path)), HttpStatusCode.Forbidden);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" ? new StringContent("{}", null, "application/json") : null,
    };
}
