using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using RJH.DeviceWorkflows.Host.Features.Auth;

namespace RJH.DeviceWorkflows.Host.Ui;

/// <summary>The web app's services and pipeline: Blazor Server pages with MudBlazor, Swedish by default.</summary>
internal static class WebAppExtensions
{
    public static IServiceCollection AddWebApp(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(UiCultures.Default)
                .AddSupportedCultures(UiCultures.Supported)
                .AddSupportedUICultures(UiCultures.Supported);
            // The person's choice (a cookie) wins; the browser's language does not, so the app is Swedish unless asked.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Pages, their static assets and the sign-in endpoints; after authentication and authorization.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
