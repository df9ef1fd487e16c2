using System.Security.Claims;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Registry;

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

    /// <summary>The same user as the register sees them (name and roles; the register decides what that may do).</summary>
    public static RegisterUser ToRegisterUser(this ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return new RegisterUser(caller.UserName, caller.Roles);
    }
}
