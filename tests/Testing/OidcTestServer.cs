using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore; // GetOpenIddictServerRequest
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJH.DeviceWorkflows.Testing;

/// <summary>A person the test provider knows: the claims Entra ID would send for them.</summary>
public sealed record OidcTestUser(string UserName, string? EmployeeId, params string[] Roles);

/// <summary>
/// A real OpenID Connect provider on loopback for tests (OpenIddict): discovery, signing keys, the authorization
/// code flow with PKCE and a confidential client, shaped like Entra ID (the authority ends in <c>/v2.0</c>, app
/// roles arrive as <c>roles</c>, access tokens are signed JWTs for one audience with <c>scp</c>). Its sign-in page
/// lists the users with one button each, as a test browser needs. It also mints tokens by hand with its own key
/// (or another), so tests can present expired, altered or foreign tokens.
/// </summary>
public sealed class OidcTestServer : IAsyncDisposable
{
    public const string ClientId = "rjh-device-workflows";
    public const string ClientSecret = "test-client-secret";
    public const string Audience = "api://rjh-device-workflows";
    public const string Scope = "access_as_user";
    private const string UserField = "login_user";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _signingKey;

    private OidcTestServer(WebApplication app, string root, RsaSecurityKey signingKey)
    {
        _app = app;
        _signingKey = signingKey;
        Root = root;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string Root { get; }

    /// <summary>What the app is configured with (AzureAd:Authority).</summary>
    public string Authority => Root + "/v2.0";

    /// <summary>What the provider writes into every token.</summary>
    public string Issuer => Authority + "/";

    public static async Task<OidcTestServer> StartAsync(params OidcTestUser[] users)
    {
        var port = FreePort();
        var root = $"http://127.0.0.1:{port}";
        var issuer = new Uri(root + "/v2.0/");
        var signingKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls(root);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer);
            server.SetConfigurationEndpointUris(new Uri(issuer, ".well-known/openid-configuration"));
            server.SetJsonWebKeySetEndpointUris(new Uri(issuer, "keys"));
            server.SetAuthorizationEndpointUris(new Uri(issuer, "authorize"));
            server.SetTokenEndpointUris(new Uri(issuer, "token"));
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, Scope);
            server.AddSigningKey(signingKey);
            server.AddEphemeralEncryptionKey();
            // Entra ID's access tokens are signed JWTs the API validates itself, not encrypted ones.
            server.DisableAccessTokenEncryption();
            // No database: the client is checked by the handlers below.
            server.EnableDegradedMode();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler =>
                handler.UseInlineHandler(context =>
                {
                    if (context.ClientId != ClientId)
                        context.Reject(Errors.InvalidClient, "Unknown client.");
                    else if (!IsCallback(context.RedirectUri))
                        context.Reject(Errors.InvalidRequest, "The redirect_uri is not the app's.");
                    return default;
                }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                handler.UseInlineHandler(context =>
                {
                    if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                        context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                    return default;
                }));
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .DisableTransportSecurityRequirement();
        });

        var app = builder.Build();
        var byName = users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        app.MapMethods("/v2.0/authorize", ["GET", "POST"], (HttpContext http) => Authorize(http, byName));
        app.MapPost("/v2.0/token", (Delegate)Token);
        await app.StartAsync();
        return new OidcTestServer(app, root, signingKey);
    }

    /// <summary>The settings that point the Host at this provider.</summary>
    public (string Key, string? Value)[] HostSettings() =>
    [
        ("Authentication:Mode", "Oidc"),
        ("AzureAd:Authority", Authority),
        ("AzureAd:ClientId", ClientId),
        ("AzureAd:ClientSecret", ClientSecret),
        ("AzureAd:Audience", Audience),
        ("AzureAd:RequireHttpsMetadata", "false"),
        ("Authentication:Oidc:RoleMap:Device.Manager", "Manager"),
        ("Authentication:Oidc:RoleMap:Device.ServiceCenter", "ServiceCenter"),
        ("Authentication:Oidc:RoleMap:Device.Admin", "Admin"),
    ];

    /// <summary>An access token for <paramref name="user"/> as the provider would issue it; <paramref name="change"/>
    /// alters it before signing (another issuer, audience or lifetime); <paramref name="key"/> signs with another key.</summary>
    public string MintAccessToken(OidcTestUser user, Action<SecurityTokenDescriptor>? change = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.UserName,
            ["preferred_username"] = user.UserName,
            ["scp"] = Scope,
        };
        if (user.EmployeeId is not null) claims["employeeid"] = user.EmployeeId;
        if (user.Roles.Length > 0) claims["roles"] = user.Roles;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? _signingKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A signing key the provider never published.</summary>
    public static SecurityKey ForeignKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "foreign" };

    private static IResult Authorize(HttpContext http, IReadOnlyDictionary<string, OidcTestUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var chosen = http.Request.HasFormContentType ? (string?)http.Request.Form[UserField] : null;
        if (chosen is null || !users.TryGetValue(chosen, out var user))
            return Results.Content(LoginPage(http, users.Values), "text/html; charset=utf-8");

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim("scp", Scope);
        if (user.EmployeeId is not null) identity.SetClaim("employeeid", user.EmployeeId);
        identity.SetClaims("roles", [.. user.Roles]);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http)
    {
        // The code carries the principal signed in above; the provider checked the code, PKCE and the client.
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return result.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>One form per user that posts the authorization request back with the choice.</summary>
    private static string LoginPage(HttpContext http, IEnumerable<OidcTestUser> users)
    {
        var parameters = http.Request.HasFormContentType
            ? http.Request.Form.Select(p => (p.Key, Value: p.Value.ToString()))
            : http.Request.Query.Select(p => (p.Key, Value: p.Value.ToString()));
        var hidden = string.Concat(parameters.Where(p => p.Key != UserField)
            .Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value)}\">"));
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Test provider</title></head><body><main><h1>Test provider</h1>");
        foreach (var user in users)
            html.Append($"<form method=\"post\" action=\"/v2.0/authorize\">{hidden}<button type=\"submit\" name=\"{UserField}\" value=\"{WebUtility.HtmlEncode(user.UserName)}\">Sign in as {WebUtility.HtmlEncode(user.UserName)}</button></form>");
        return html.Append("</main></body></html>").ToString();
    }

    private static bool IsCallback(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.AbsolutePath == "/signin-oidc";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
