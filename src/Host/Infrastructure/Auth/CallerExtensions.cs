using System.Security.Claims;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

internal static class CallerExtensions
{
    /// <summary>The engine's view of the signed-in user. Role names compare case-insensitively, as BPMN authors type them.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        if (string.IsNullOrEmpty(name))
            throw new InvalidOperationException("An endpoint that needs a caller was reached without a signed-in user.");
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Caller(name, roles);
    }
}
