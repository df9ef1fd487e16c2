using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Ui;

namespace RJH.DeviceWorkflows.Host.Features.Auth;

/// <summary>
/// The pages' sign-in: demo users by one click (a form post from <see cref="SignInPage"/>), sign-out, and the
/// language choice. They answer with redirects, never with data, and only ever to a local address.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // Form posts: antiforgery is checked by the middleware because the handler binds [FromForm].
        app.MapPost("/signin/demo", SignInDemo).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signin/oidc", SignInOidc).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signout", (Delegate)SignOut).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> SignInDemo([FromForm] string? user, [FromForm] string? returnUrl, HttpContext http,
        IOptions<AuthenticationSettings> settings, DemoUserDirectory users)
    {
        if (!settings.Value.IsDemo) return TypedResults.NotFound();
        if (!users.TryFind(user, out var demoUser)) return TypedResults.Redirect("/signin?error=unknown-user");

        await http.SignInAsync(AuthSchemes.Cookie, demoUser.ToPrincipal(AuthSchemes.Cookie));
        return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }

    /// <summary>Sends the person to the OpenID Connect provider; they come back to <paramref name="returnUrl"/>.</summary>
    public static IResult SignInOidc(string? returnUrl, IOptions<AuthenticationSettings> settings) =>
        settings.Value.IsOidc
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OidcAuthentication.Scheme])
            : TypedResults.NotFound();

    /// <summary>Ends the app's session. In OpenID Connect mode the provider's session stays, as with every other
    /// app signed in through it; signing in again then needs no password.</summary>
    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.LocalRedirect("/signin?signedOut=true");
    }

    /// <summary>Remembers the person's language for a year (a cookie the localization middleware reads).</summary>
    public static IResult SetCulture(string? culture, string? returnUrl, HttpContext http)
    {
        if (culture is null || !UiCultures.Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            return TypedResults.BadRequest();
        var name = UiCultures.Supported.First(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }
}
