using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>
/// Demo bearer tokens: the user name protected with ASP.NET Data Protection, valid for a limited time.
/// Roles are not in the token; they are looked up on every request so a changed directory applies at once.
/// </summary>
internal sealed class DemoTokens(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector protector =
        provider.CreateProtector("RJH.DeviceWorkflows.DemoToken.v1").ToTimeLimitedDataProtector();

    /// <remarks>
    /// Expiry uses the real clock, not the engine's TimeProvider: moving the controllable workflow clock
    /// forward must neither end nor stretch sign-in sessions (Data Protection checks against real time too).
    /// </remarks>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string userName)
    {
        var expiresAt = DateTimeOffset.UtcNow + Lifetime;
        return (protector.Protect(userName, expiresAt), expiresAt);
    }

    public string? Read(string token)
    {
        try
        {
            return protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null; // tampered, expired, or protected with another key ring
        }
        catch (FormatException)
        {
            return null; // not even base64url
        }
    }
}
