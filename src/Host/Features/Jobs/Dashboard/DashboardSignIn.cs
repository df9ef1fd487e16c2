using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

/// <summary>
/// Signs in the callers of the dashboard, which lies outside the API's authentication (it is middleware, not an
/// endpoint): a bearer token in the Authorization header, else the dashboard cookie, else the pages' sign-in cookie. It must run before Hangfire's
/// middleware, which creates the page's antiforgery token for whoever is signed in at that moment.
/// </summary>
/// <remarks>
/// A browser cannot send a bearer header, so <c>/hangfire?access_token=&lt;demo token&gt;</c> sets the dashboard
/// cookie for an admin and redirects to the same page without the token; the token then stays out of the address
/// bar, the history and the Referer of the dashboard's own requests.
/// </remarks>
internal sealed class DashboardSignIn(RequestDelegate next)
{
    public const string QueryKey = "access_token";

    public async Task InvokeAsync(HttpContext http, IOptions<AuthenticationSettings> settings, DemoTokens tokens,
        DemoUserDirectory users, DashboardCookie cookie)
    {
        if (http.Request.Query.TryGetValue(QueryKey, out var token))
        {
            Exchange(http, token.ToString(), settings.Value, tokens, users, cookie);
            return;
        }

        var bearer = await http.AuthenticateAsync(DemoBearerHandler.SchemeName);
        // A bad bearer token is refused even when a cookie is there too: the caller meant the token.
        var user = bearer.Succeeded ? bearer.Principal : bearer.Failure is null ? cookie.Read(http) : null;
        // The menu links here: an admin signed in to the pages arrives with the pages' own cookie.
        if (user is null && bearer.Failure is null) user = (await http.AuthenticateAsync(AuthSchemes.Cookie)).Principal;
        if (user is not null) http.User = user;
        await next(http);
    }

    private static void Exchange(HttpContext http, string token, AuthenticationSettings settings, DemoTokens tokens,
        DemoUserDirectory users, DashboardCookie cookie)
    {
        // Only a page load exchanges a token; the dashboard's own POSTs must not sign anyone in.
        var name = settings.IsDemo && HttpMethods.IsGet(http.Request.Method) ? tokens.Read(token) : null;
        if (!users.TryFind(name, out var user))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (!user.IsAdmin)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        cookie.Issue(http, user);
        var query = new QueryBuilder(http.Request.Query.Where(q => q.Key != QueryKey)).ToQueryString();
        http.Response.Redirect(http.Request.PathBase + http.Request.Path + query);
    }
}
