namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

internal static class ApiNotFound
{
    /// <summary>
    /// Any path under /api that no endpoint claims answers 404 for everyone: without this the fallback authorization
    /// policy (or a page route's method check) answered 401 or 405, which tells a prober nothing true.
    /// </summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", () => Problems.NotFound("There is no such API endpoint.")).AllowAnonymous();
        return app;
    }
}
