using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify.Support;

/// <summary>A register that knows only the people given to it; the mail activity asks nothing else.</summary>
internal sealed class FakeRegister(params PersonInfo[] people) : IRegisterDirectory
{
    public Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default) =>
        Task.FromResult(people.FirstOrDefault(p => p.EmployeeId == employeeId));

    public Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default) => throw new NotSupportedException();

    /// <summary>Åsa Öberg, office hours Mon–Fri 07:00–17:00 Stockholm.</summary>
    public static PersonInfo Person(string employeeId = "E1001", string? email = "asa.oberg@regionjh.se", string name = "Åsa Öberg") =>
        new(employeeId, "asa.oberg", name, email, "U1", null, ["Employee"],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(7, 0), new TimeOnly(17, 0), "Europe/Stockholm", false, false, false, false);
}
