using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;demo token&gt;</c>; does nothing unless Authentication:Mode is Demo.</summary>
internal sealed class DemoBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthenticationSettings> settings,
    DemoTokens tokens,
    DemoUserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DemoBearer";
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!settings.Value.IsDemo) return Task.FromResult(AuthenticateResult.NoResult());

        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        var userName = tokens.Read(header[Prefix.Length..].Trim());
        if (userName is null) return Task.FromResult(AuthenticateResult.Fail("The token is invalid or has expired."));
        // A user removed from the directory loses access even with a token that has not expired.
        if (!users.TryFind(userName, out var user)) return Task.FromResult(AuthenticateResult.Fail("The token's user no longer exists."));

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
