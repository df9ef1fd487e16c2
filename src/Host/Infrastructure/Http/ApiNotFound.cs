namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

internal static class ApiNotFound
{
    /// <summary>
    /// A path under /api that no endpoint claims answers 404 for everyone. Without this the fallback authorization
    /// policy answered 401 to a caller without a token, which tells a prober nothing true. Runs after routing and
    /// before authentication, so real endpoints (and their 405 and 415 answers) are untouched.
    /// </summary>
    public static IApplicationBuilder UseApiNotFound(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api"))
        {
            await Problems.NotFound("There is no such API endpoint.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
