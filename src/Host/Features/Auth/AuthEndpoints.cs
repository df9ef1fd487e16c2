using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Auth;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/demo-token", IssueDemoToken).AllowAnonymous();
        group.MapGet("/me", Me);
        return app;
    }

    public static Results<Ok<DemoTokenResponse>, ValidationProblem, ProblemHttpResult> IssueDemoToken(
        DemoTokenRequest request, IOptions<AuthenticationSettings> settings, DemoUserDirectory users, DemoTokens tokens)
    {
        // Outside demo mode the endpoint must look as if it did not exist.
        if (!settings.Value.IsDemo) return Problems.NotFound("Demo sign-in is not enabled.");
        if (string.IsNullOrWhiteSpace(request.User)) return Problems.Invalid("user", "Name a demo user.");
        if (!users.TryFind(request.User, out var user))
            return Problems.Invalid("user", $"'{request.User}' is not a demo user.");

        var (token, expiresAt) = tokens.Issue(user.Name);
        return TypedResults.Ok(new DemoTokenResponse(token, user.Name, user.Roles, expiresAt));
    }

    public static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return TypedResults.Ok(new MeResponse(caller.UserName, user.FindFirst(AppClaims.EmployeeId)?.Value,
            caller.Roles.Order(StringComparer.Ordinal).ToArray()));
    }
}

internal sealed record DemoTokenRequest(string? User);

internal sealed record DemoTokenResponse(string Token, string User, IReadOnlyList<string> Roles, DateTimeOffset ExpiresAt);

internal sealed record MeResponse(string User, string? EmployeeId, IReadOnlyList<string> Roles);
