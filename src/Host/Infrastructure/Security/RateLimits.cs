using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Security;

/// <summary>One limited kind of request: at most <see cref="PermitLimit"/> per <see cref="Window"/> for one caller.</summary>
internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    public bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}

/// <summary>
/// Section "RateLimits": sign-in (guessing and token minting), policy evaluation (each runs user-written rules)
/// and imports (each rewrites the register). The routes are the product's, the numbers the operator's.
/// </summary>
internal sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
    public RateLimitRule Evaluate { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
    public RateLimitRule Import { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    /// <summary>The limited routes ("METHOD pattern", as mapped) and the rule each falls under.</summary>
    public IReadOnlyDictionary<string, (string Name, RateLimitRule Rule)> Routes() => new Dictionary<string, (string, RateLimitRule)>
    {
        ["POST /signin/demo"] = (nameof(SignIn), SignIn),
        ["POST /api/auth/demo-token"] = (nameof(SignIn), SignIn),
        // Each start of an OpenID Connect sign-in builds a challenge (state, nonce, correlation cookie) and sends the
        // browser to the identity provider: as much a sign-in attempt as the demo form.
        ["GET /signin/oidc"] = (nameof(SignIn), SignIn),
        ["POST /api/policies/{set}/evaluate"] = (nameof(Evaluate), Evaluate),
        ["POST /api/org/import"] = (nameof(Import), Import),
        ["POST /api/devices/import"] = (nameof(Import), Import),
    };
}

/// <summary>
/// The same rules for work that arrives over a page's Blazor circuit, not as a limited route (the register import
/// page's check and import): per person, with a budget of its own beside the API route's.
/// </summary>
internal sealed class PageRateLimits(IOptions<RateLimitSettings> settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
    {
        var rule = key.StartsWith(nameof(RateLimitSettings.Import) + "|", StringComparison.Ordinal) ? settings.Value.Import
            : key.StartsWith(nameof(RateLimitSettings.Evaluate) + "|", StringComparison.Ordinal) ? settings.Value.Evaluate
            : settings.Value.SignIn;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
        });
    });

    /// <summary>Takes one permit of <paramref name="rule"/> (a <see cref="RateLimitSettings"/> rule name) for the person; false when spent.</summary>
    public bool TryTake(string rule, System.Security.Claims.ClaimsPrincipal user)
    {
        using var lease = limiter.AttemptAcquire($"{rule}|{user.Identity?.Name}");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

internal static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.SignIn.IsValid && s.Evaluate.IsValid && s.Import.IsValid,
                "RateLimits: every rule (SignIn, Evaluate, Import) needs a PermitLimit above 0 and a Window above zero, e.g. 00:01:00.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<PageRateLimits>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((limiter, settings) =>
        {
            var routes = settings.Value.Routes();
            // One global limiter keyed by route, so the features' endpoint files need not know about limits.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                LimitedRoute(context, routes) is { } limited
                    ? RateLimitPartition.GetFixedWindowLimiter($"{limited.Name}|{CallerOf(context)}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limited.Rule.PermitLimit,
                        Window = limited.Rule.Window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static (string Name, RateLimitRule Rule)? LimitedRoute(HttpContext context,
        IReadOnlyDictionary<string, (string Name, RateLimitRule Rule)> routes) =>
        context.GetEndpoint() is RouteEndpoint endpoint
        && routes.TryGetValue($"{context.Request.Method} {endpoint.RoutePattern.RawText}", out var limited)
            ? limited
            : null;

    /// <summary>A signed-in caller by name (several people may share a NAT address); anyone else by address.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many requests of this kind; wait a little (see Retry-After) and try again.",
            },
        });
    }
}
