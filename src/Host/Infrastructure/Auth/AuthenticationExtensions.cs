using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

internal static class AuthenticationExtensions
{
    /// <summary>
    /// Sign-in for pages (a cookie) and the API (bearer tokens) in both modes, the demo (named demo users) and
    /// OpenID Connect (<see cref="OidcAuthentication"/>); the API's authorization policies; and the Data Protection
    /// key ring the cookie and demo tokens depend on. Every scheme is registered and the mode is read per request
    /// through options, so a test host's configuration applies however late it is added.
    /// </summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthenticationSettings>()
            .BindConfiguration(AuthenticationSettings.Section)
            .Validate(settings => settings.IsDemo || settings.IsOidc,
                "Authentication:Mode must be 'Demo' or 'Oidc'.")
            .Validate<IHostEnvironment>((settings, env) => !(settings.IsDemo && env.IsProduction()),
                "Authentication:Mode is 'Demo' but the environment is Production. Demo sign-in lets anyone act as any " +
                "user; set Authentication:Mode to a real sign-in method, or run in another environment " +
                "(ASPNETCORE_ENVIRONMENT=Development).")
            .ValidateOnStart();

        services.AddOptions<DemoUserOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Apply(configuration.GetSection(DemoUserOptions.Section)));
        services.AddSingleton<DemoUserDirectory>();
        services.AddSingleton<DemoTokens>();

        // A fixed application name keeps the key ring valid when the app moves to another folder.
        services.AddDataProtection().SetApplicationName("RJH.DeviceWorkflows");
        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.Section);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataProtectionSettings>, IHostEnvironment, ILoggerFactory>((keys, settings, env, loggers) =>
            {
                var directory = Directory.CreateDirectory(Path.Combine(env.ContentRootPath, settings.Value.KeysPath));
                keys.XmlRepository = new FileSystemXmlRepository(directory, loggers);
            });

        services.AddScoped<DemoCookieEvents>();
        services.AddAuthentication(AuthSchemes.Default)
            // The API takes bearer tokens only, so a page's cookie can never be used for a forged cross-site API call.
            // A request that brings a bearer token is judged by it wherever it goes.
            .AddPolicyScheme(AuthSchemes.Default, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0
                    ? BearerScheme(context)
                    : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/access-denied";
                options.ReturnUrlParameter = "returnUrl";
                options.Cookie.Name = "rjh.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.EventsType = typeof(DemoCookieEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, DemoBearerHandler>(DemoBearerHandler.SchemeName, null)
            .AddOidc(configuration);
        Policies.Add(services.AddAuthorizationBuilder());
        return services;
    }

    private static string BearerScheme(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<AuthenticationSettings>>().Value.IsOidc
            ? OidcAuthentication.BearerScheme
            : DemoBearerHandler.SchemeName;
}
