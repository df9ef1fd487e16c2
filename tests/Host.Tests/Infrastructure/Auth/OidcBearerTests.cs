using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Auth;

/// <summary>
/// In OpenID Connect mode the API takes the provider's access tokens (a real provider on loopback publishes the
/// signing keys): issuer, audience, lifetime and signature are checked, app roles map to ours through the table,
/// and demo tokens are gone.
/// </summary>
public sealed class OidcBearerTests(OidcBearerTests.Setup setup) : IClassFixture<OidcBearerTests.Setup>
{
    private static readonly OidcTestUser Manager = new("anna.chef@rjh.se", "anna.chef", "Device.Manager");
    private static readonly OidcTestUser NoRoles = new("nils.ny@rjh.se", "nils.ny");
    private static readonly OidcTestUser NoEmployeeId = new("extern@rjh.se", null, "Device.Manager");

    private OidcTestServer Provider => setup.Provider;
    private HostFactory Host => setup.Host;

    /// <summary>One provider and one Host in OpenID Connect mode for the class; the tests only read.</summary>
    public sealed class Setup : IAsyncLifetime
    {
        public OidcTestServer Provider { get; private set; } = null!;
        public HostFactory Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await OidcTestServer.StartAsync(Manager, NoRoles, NoEmployeeId);
            Host = HostFactory.With(overrides: Provider.HostSettings());
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_valid_token_yields_the_user_the_employee_id_and_the_mapped_roles()
    {
        var me = await MeAsync(Provider.MintAccessToken(Manager));

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("anna.chef@rjh.se", (string?)me.Body!["user"]);
        Assert.Equal("anna.chef", (string?)me.Body["employeeId"]);
        Assert.Equal(["Employee", "Manager"], me.Body["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task A_person_without_a_mapped_role_gets_only_self_service()
    {
        var token = Provider.MintAccessToken(NoRoles with { Roles = ["Some.Other.App.Role"] });

        var me = await MeAsync(token);
        Assert.Equal(["Employee"], me.Body!["roles"]!.AsArray().Select(r => (string?)r));
        using var client = Client(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/clock")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_employee_id_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(Provider.MintAccessToken(NoEmployeeId))).Status);
    }

    public static TheoryData<string> Forgeries => ["another issuer", "another audience", "expired", "altered", "another key", "unsigned"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_token_is_refused(string forgery)
    {
        var token = forgery switch
        {
            "another issuer" => Provider.MintAccessToken(Manager, d => d.Issuer = "http://127.0.0.1:1/v2.0/"),
            "another audience" => Provider.MintAccessToken(Manager, d => d.Audience = "api://someone-else"),
            "expired" => Provider.MintAccessToken(Manager, d =>
            {
                d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-3);
                d.Expires = DateTime.UtcNow.AddHours(-2);
            }),
            "altered" => Alter(Provider.MintAccessToken(Manager with { Roles = [] }), "\"roles\":[\"Device.Admin\"],"),
            "another key" => Provider.MintAccessToken(Manager, key: OidcTestServer.ForeignKey()),
            "unsigned" => Unsigned(Provider.MintAccessToken(Manager)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        var me = await MeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
    }

    [Fact]
    public async Task Demo_tokens_are_not_issued()
    {
        using var client = Host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/demo-token", new { user = "admin" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> MeAsync(string token)
    {
        using var client = Client(token);
        var response = await client.GetAsync("/api/auth/me");
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null);
    }

    private HttpClient Client(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Puts <paramref name="json"/> at the start of the payload and keeps the original signature.</summary>
    private static string Alter(string token, string json)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{" + json + payload[1..]));
        return string.Join('.', parts);
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return $"{header}.{parts[1]}.";
    }
}
