using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Auth;

public sealed class DemoSignInTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Known_user_gets_a_token_that_signs_in_with_their_roles()
    {
        using var client = await factory.ClientFor("anna.chef");

        var me = await HttpAssert.StatusAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.Equal("anna.chef", me!["user"]!.GetValue<string>());
        Assert.Equal(["Employee", "Manager"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Admin_has_every_role()
    {
        using var client = await factory.ClientFor("admin");

        var me = await HttpAssert.StatusAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.Equal(["Admin", "Employee", "Finance", "HR", "Manager", "ProcessOwner", "SafetyRep", "ServiceCenter"],
            me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Token_response_names_user_and_expiry()
    {
        using var client = factory.CreateClient();

        var body = await HttpAssert.StatusAsync(
            await client.PostAsJsonAsync("/api/auth/demo-token", new { user = "Erik.Anstalld" }), HttpStatusCode.OK);

        Assert.False(string.IsNullOrWhiteSpace(body!["token"]!.GetValue<string>()));
        Assert.Equal("erik.anstalld", body["user"]!.GetValue<string>());
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
    }

    [Theory]
    [InlineData("{\"user\":\"nobody\"}")]
    [InlineData("{\"user\":\"\"}")]
    [InlineData("{}")]
    public async Task Unknown_or_missing_user_is_refused(string json)
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/auth/demo-token", new StringContent(json, null, "application/json"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["user"]);
    }

    [Fact]
    public async Task Token_survives_a_restart_on_the_same_key_ring_and_not_on_another()
    {
        var directory = HostFactory.NewDirectory();
        try
        {
            string token;
            await using (var first = HostFactory.With(directory)) token = await first.TokenFor("sam.service");

            await using (var restarted = HostFactory.With(directory))
                await HttpAssert.StatusAsync(await GetMe(restarted, token), HttpStatusCode.OK);

            await using var other = HostFactory.With();
            await HttpAssert.ProblemAsync(await GetMe(other, token), HttpStatusCode.Unauthorized);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_users_come_from_configuration_over_the_seeded_ones()
    {
        await using var host = HostFactory.With(overrides:
            [("DemoUsers:nils.nilsson", "Manager, Employee"), ("DemoUsers:maja.mobil", "")]);

        using var nils = await host.ClientFor("nils.nilsson");
        var me = await HttpAssert.StatusAsync(await nils.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal(["Employee", "Manager"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        using var anonymous = host.CreateClient();
        await HttpAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/demo-token", new { user = "maja.mobil" }),
            HttpStatusCode.BadRequest);
        await HttpAssert.StatusAsync(await anonymous.PostAsJsonAsync("/api/auth/demo-token", new { user = "anna.chef" }),
            HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outside_demo_mode_the_token_endpoint_is_404_and_demo_tokens_are_refused()
    {
        var token = await factory.TokenFor("admin");
        await using var host = HostFactory.With(factory.Directory, overrides: OidcMode);
        using var client = host.CreateClient();

        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/auth/demo-token", new { user = "admin" }),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await GetMe(host, token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Demo_mode_refuses_to_start_in_Production()
    {
        await using var host = HostFactory.With(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Demo", messages);
        Assert.Contains("Production", messages);
    }

    [Fact]
    public async Task Production_without_demo_mode_starts()
    {
        await using var host = HostFactory.With(environment: "Production", overrides: OidcMode);
        using var client = host.CreateClient();

        await HttpAssert.StatusAsync(await client.GetAsync("/health"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenID_Connect_mode_without_a_provider_refuses_to_start_and_says_what_is_missing()
    {
        await using var host = HostFactory.With(environment: "Production", overrides: [("Authentication:Mode", "Oidc")]);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("AzureAd:ClientId", messages);
    }

    /// <summary>OpenID Connect mode with a provider that is never asked (these tests sign nobody in).</summary>
    private static readonly (string, string?)[] OidcMode =
    [
        ("Authentication:Mode", "Oidc"),
        ("AzureAd:Authority", "http://127.0.0.1:9/v2.0"),
        ("AzureAd:ClientId", "rjh-device-workflows"),
        ("AzureAd:RequireHttpsMetadata", "false"),
    ];

    private static async Task<HttpResponseMessage> GetMe(HostFactory host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/auth/me");
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
