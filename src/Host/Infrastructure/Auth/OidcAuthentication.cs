using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Sign-in with Microsoft Entra ID through Microsoft.Identity.Web: OpenID Connect (authorization code with PKCE)
/// for pages, into our own cookie, and JWT bearer for the API (issuer, audience, lifetime and signature checked).
/// Both read the section "AzureAd". Any standard OpenID Connect provider works with the same settings: when the
/// authority is not Entra ID, the issuer is checked against <see cref="OidcSettings.Issuer"/> (or the authority)
/// instead of Entra's tenant rules.
/// </summary>
internal static class OidcAuthentication
{
    public const string Scheme = "Oidc";
    public const string BearerScheme = "OidcBearer";
    public const string ProviderSection = "AzureAd";

    private static readonly string[] EntraHosts =
        ["login.microsoftonline.com", "login.microsoft.com", "login.microsoftonline.us", "login.partner.microsoftonline.cn", "sts.windows.net"];

    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        builder.Services.AddOptions<OidcSettings>()
            .BindConfiguration(OidcSettings.Section)
            .Validate(settings => settings.RoleMap.Values.Concat(settings.BaseRoles).All(AppRoles.All.Contains),
                $"Authentication:Oidc maps to a role that does not exist; the roles are {string.Join(", ", AppRoles.All)}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OidcClaimsMapper>();

        // The OpenID Connect handler answers its callback path on every request, so its settings are checked on
        // every request: in demo mode it must not exist at all.
        var mode = configuration[$"{AuthenticationSettings.Section}:{nameof(AuthenticationSettings.Mode)}"];
        if (!string.Equals(mode, AuthenticationSettings.OidcMode, StringComparison.OrdinalIgnoreCase)) return builder;

        var provider = configuration.GetSection(ProviderSection);
        // A missing provider shows at start, not as an error on every request.
        builder.Services.AddOptions<OidcSettings>().Validate(_ =>
                !string.IsNullOrWhiteSpace(provider["ClientId"])
                && (!string.IsNullOrWhiteSpace(provider["Authority"]) || !string.IsNullOrWhiteSpace(provider["TenantId"])),
            "Authentication:Mode is 'Oidc' but the provider is not configured: set AzureAd:ClientId, and AzureAd:TenantId " +
            "(Entra ID) or AzureAd:Authority (any OpenID Connect provider).");
        builder.AddMicrosoftIdentityWebApp(provider.Bind, configureCookieAuthenticationOptions: null, Scheme, cookieScheme: null);
        builder.AddMicrosoftIdentityWebApi(provider.Bind, provider.Bind, BearerScheme);
        // Microsoft.Identity.Web does not carry this one over, and the handler checks it before anything else.
        builder.Services.Configure<OpenIdConnectOptions>(Scheme, options =>
            options.RequireHttpsMetadata = provider.GetValue(nameof(options.RequireHttpsMetadata), true));

        builder.Services.AddOptions<OpenIdConnectOptions>(Scheme)
            .PostConfigure<OidcClaimsMapper, IOptions<OidcSettings>>((options, mapper, settings) =>
            {
                options.SignInScheme = AuthSchemes.Cookie;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.MapInboundClaims = false;
                CheckIssuer(options.TokenValidationParameters, options.Authority, settings.Value);
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    if (context.Result is not null) return;
                    var principal = mapper.Map(context.Principal!, AuthSchemes.Cookie, out var failure);
                    if (principal is null) context.Fail(failure!);
                    else context.Principal = principal;
                };
                // A failed sign-in (refused at the provider, or a person we cannot identify) lands on the sign-in
                // page with a message instead of an error page.
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/signin?error=oidc");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        builder.Services.AddOptions<JwtBearerOptions>(BearerScheme)
            .PostConfigure<OidcClaimsMapper, IOptions<OidcSettings>>((options, mapper, settings) =>
            {
                options.MapInboundClaims = false;
                CheckIssuer(options.TokenValidationParameters, options.Authority, settings.Value);
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    if (context.Result is not null) return;
                    var principal = mapper.Map(context.Principal!, BearerScheme, out var failure);
                    if (principal is null) context.Fail(failure!);
                    else context.Principal = principal;
                };
            });
        return builder;
    }

    private static void CheckIssuer(TokenValidationParameters parameters, string? authority, OidcSettings settings)
    {
        if (authority is null || IsEntra(authority)) return;
        var issuer = (settings.Issuer ?? authority).TrimEnd('/');
        parameters.IssuerValidator = null;
        parameters.ValidateIssuer = true;
        parameters.ValidIssuers = [issuer, issuer + "/"];
    }

    private static bool IsEntra(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (EntraHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".ciamlogin.com", StringComparison.OrdinalIgnoreCase));
}
