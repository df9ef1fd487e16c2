using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

/// <summary>
/// Opens the dashboard in a browser, which cannot send a bearer header: <c>/hangfire?access_token=&lt;demo token&gt;</c>
/// sets the dashboard cookie for an admin and redirects to the same page without the token, so the token does not
/// stay in the address bar, the history or the Referer of the dashboard's own requests.
/// </summary>
internal sealed class DashboardSignIn(RequestDelegate next)
{
    public const string QueryKey = "access_token";

    public Task InvokeAsync(HttpContext http, IOptions<AuthenticationSettings> settings, DemoTokens tokens,
        DemoUserDirectory users, DashboardCookie cookie)
    {
        if (!http.Request.Query.TryGetValue(QueryKey, out var token)) return next(http);

        // Only a page load exchanges a token; the dashboard's own POSTs must not sign anyone in.
        var name = settings.Value.IsDemo && HttpMethods.IsGet(http.Request.Method) ? tokens.Read(token.ToString()) : null;
        if (name is null || !users.TryFind(name, out var user))
            return Refuse(http, StatusCodes.Status401Unauthorized);
        if (!user.IsAdmin) return Refuse(http, StatusCodes.Status403Forbidden);

        cookie.Issue(http, user);
        var query = new QueryBuilder(http.Request.Query.Where(q => q.Key != QueryKey)).ToQueryString();
        http.Response.Redirect(http.Request.PathBase + http.Request.Path + query);
        return Task.CompletedTask;
    }

    private static Task Refuse(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
