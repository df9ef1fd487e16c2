namespace RJH.DeviceWorkflows.Host.Infrastructure.Security;

/// <summary>
/// Headers every response carries. Pages get a Content-Security-Policy that Blazor Server, MudBlazor and the
/// bpmn-js viewer live within: scripts and the circuit's WebSocket only from this origin, inline styles (MudBlazor
/// and diagram-js set style attributes), data: images (the bpmn.io logo). The API's JSON needs nothing at all.
/// Anything without its own caching (the API, pages, which carry personal data) is not stored by browsers or proxies.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API browser (Scalar) starts itself with an inline module script; nothing else may.</summary>
    public const string ApiBrowserPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>First in the pipeline, so error pages and problems carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // HSTS only where the host runs behind its real name and certificate; a developer's localhost keeps plain HTTP.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var api = context.Request.Path.StartsWithSegments("/api");
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // frame-ancestors for browsers without CSP level 2
        headers["Referrer-Policy"] = "same-origin";
        // Replaces Blazor's own (frame-ancestors 'self' only): one policy, stricter.
        headers.ContentSecurityPolicy = api ? ApiPolicy
            : context.Request.Path.StartsWithSegments("/scalar") ? ApiBrowserPolicy
            : PagePolicy;
        // Static assets set their own (long) caching; everything else may hold personal data.
        if (api || headers.CacheControl.Count == 0)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
