using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Who may start a workflow for an employee (<c>requestedBy</c>, the instance's starter): the employee themself, a
/// manager of the employee's unit (or of a unit above it), or a person the register gives the role ServiceCenter, HR
/// or Admin. The engine itself (<c>system</c>, <c>engine</c>, or nobody named) may. A user the register does not know
/// may only when it is the built-in <c>admin</c> (the demo and break-glass account, which has no HR record);
/// anyone else is refused with BPMN error <c>not-allowed</c>, which the models catch and end on.
/// </summary>
public sealed class RequestedByRule(IRegisterDirectory directory)
{
    public const string NotAllowed = "not-allowed";

    private static readonly string[] Engine = ["system", "engine"];
    private static readonly string[] ActsForAnyone = [RegisterRoles.ServiceCenter, RegisterRoles.HR, RegisterRoles.Admin];

    /// <exception cref="BpmnErrorException"><c>not-allowed</c>.</exception>
    public async Task EnsureMayActForAsync(string? requestedBy, PersonInfo employee, CancellationToken ct)
    {
        if (requestedBy is null || Engine.Contains(requestedBy, StringComparer.OrdinalIgnoreCase)) return;
        if (!await MayActForAsync(requestedBy, employee, ct))
            throw new BpmnErrorException(NotAllowed, $"{requestedBy} may not act for employee {employee.EmployeeId}.");
    }

    private async Task<bool> MayActForAsync(string userName, PersonInfo employee, CancellationToken ct)
    {
        var requester = await directory.FindPersonByUserNameAsync(userName, ct);
        if (requester is null) return string.Equals(userName, "admin", StringComparison.Ordinal);
        if (requester.EmployeeId == employee.EmployeeId) return true;
        if (requester.Roles.Any(r => ActsForAnyone.Contains(r, StringComparer.Ordinal))) return true;
        return employee.UnitId is { } unitId && (await directory.UnitsManagedByAsync(userName, ct)).Contains(unitId);
    }
}
