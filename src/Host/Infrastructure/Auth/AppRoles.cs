using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>The role names of the platform; BPMN files (starterRoles, candidateRoles) use the same strings.</summary>
internal static class AppRoles
{
    public const string Admin = Caller.AdminRole;
    public const string ProcessOwner = "ProcessOwner";
    public const string Manager = "Manager";
    public const string ServiceCenter = "ServiceCenter";
    public const string SafetyRep = "SafetyRep";
    public const string HR = "HR";
    public const string Finance = "Finance";
    public const string Employee = "Employee";

    public static readonly IReadOnlyList<string> All =
        [Admin, ProcessOwner, Manager, ServiceCenter, SafetyRep, HR, Finance, Employee];
}
