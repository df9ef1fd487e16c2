using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// Who reaches the register's pages (security.md): ServiceCenter and admin the whole register, managers their units
/// (the register narrows what they see); only ServiceCenter and admin change it or import.
/// </summary>
internal static class RegisterAccessRoles
{
    public const string Readers = AppRoles.Admin + "," + AppRoles.ServiceCenter + "," + AppRoles.Manager;
    public const string Writers = AppRoles.Admin + "," + AppRoles.ServiceCenter;
}
