namespace RJH.DeviceWorkflows.Registry.Access;

/// <summary>
/// What a caller may see of the register: everything (ServiceCenter, admin), or the units they manage (and
/// below) plus the people in them and themselves. A plain employee's scope is their own employee id.
/// </summary>
internal sealed record AccessScope(bool All, IReadOnlySet<string> UnitIds, IReadOnlySet<string> EmployeeIds)
{
    public static readonly AccessScope Everything = new(true, new HashSet<string>(), new HashSet<string>());

    public bool SeesUnit(string? unitId) => All || (unitId is not null && UnitIds.Contains(unitId));

    public bool SeesEmployee(string? employeeId) => All || (employeeId is not null && EmployeeIds.Contains(employeeId));
}
