using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// The one helper class rule expressions may call, e.g.
/// <c>PolicyFunctions.HasActiveDevice(employee, request.deviceType)</c>. Everything here is a pure
/// function of the facts: no clock, no I/O, so a decision depends on nothing but its facts.
/// Scope and role arguments may be written as strings ("Unit", "Area").
/// </summary>
public static class PolicyFunctions
{
    public static bool HasRole(Employee employee, string role) =>
        employee.Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    public static bool HasActiveDevice(Employee employee, DeviceType type) => employee.ActiveDevices.Contains(type);

    /// <summary>An Approved assessment with one of <paramref name="scopes"/> (any scope when none are given).</summary>
    public static bool HasApprovedAssessment(Unit unit, params AssessmentScope[] scopes) =>
        unit.RiskAssessments.Any(a => a.Status == AssessmentStatus.Approved && (scopes.Length == 0 || scopes.Contains(a.Scope)));

    /// <summary>Any assessment, whatever its status, with one of <paramref name="scopes"/> (any scope when none are given).</summary>
    public static bool HasAssessment(Unit unit, params AssessmentScope[] scopes) =>
        unit.RiskAssessments.Any(a => scopes.Length == 0 || scopes.Contains(a.Scope));
}
