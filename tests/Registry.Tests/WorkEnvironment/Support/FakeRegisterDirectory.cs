namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;

/// <summary>
/// An in-memory <see cref="IRegisterDirectory"/> with the demo organisation: administration <c>adm-hsf</c> → area
/// <c>area-ost</c> (anna.chef) → units <c>unit-akut</c> (anna.chef) and <c>unit-rehab</c> (olle.chef). erik.anstalld and
/// sara.skyddsombud work in unit-akut, maja.mobil and hanna.hr in unit-rehab; erik has phone <see cref="ErikPhone"/>,
/// maja <see cref="MajaPhone"/>.
/// </summary>
public sealed class FakeRegisterDirectory : IRegisterDirectory
{
    public static readonly Guid ErikPhone = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid MajaPhone = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private readonly List<UnitInfo> units =
    [
        new("adm-hsf", "Hälso- och sjukvårdsförvaltningen", OrgLevel.Administration, null, null, RolloutMode.None),
        new("area-ost", "Område Östersund", OrgLevel.Area, "adm-hsf", "E100", RolloutMode.None),
        new("unit-akut", "Akutmottagningen", OrgLevel.Unit, "area-ost", "E100", RolloutMode.None),
        new("unit-rehab", "Rehabenheten", OrgLevel.Unit, "area-ost", "E101", RolloutMode.None),
    ];

    private readonly List<PersonInfo> people =
    [
        Person("E100", "anna.chef", "Anna Chef", "unit-akut"),
        Person("E101", "olle.chef", "Olle Chef", "unit-rehab"),
        Person("E200", "erik.anstalld", "Erik Anställd", "unit-akut"),
        Person("E201", "maja.mobil", "Maja Mobil", "unit-rehab"),
        Person("E300", "sara.skyddsombud", "Sara Skyddsombud", "unit-akut"),
        Person("E301", "hanna.hr", "Hanna HR", "unit-rehab"),
    ];

    private readonly List<DeviceInfo> devices =
    [
        new(ErikPhone, "350000000000001", "SER-ERIK", "iPhone 15", DeviceType.Phone, DeviceStatus.Assigned, "E200", null),
        new(MajaPhone, "350000000000002", "SER-MAJA", "Galaxy S24", DeviceType.Phone, DeviceStatus.Assigned, "E201", null),
    ];

    private static PersonInfo Person(string id, string userName, string name, string unit) =>
        new(id, userName, name, $"{userName}@regionjh.se", unit, null, DemoUsers.RolesOf(userName), [DayOfWeek.Monday, DayOfWeek.Tuesday,
            DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(17, 0),
            "Europe/Stockholm", false, false, false, false);

    public Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default) =>
        Task.FromResult(people.FirstOrDefault(p => p.EmployeeId == employeeId));

    public Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default) =>
        Task.FromResult(people.FirstOrDefault(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase)));

    public Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default) =>
        Task.FromResult(units.FirstOrDefault(u => u.Id == unitId));

    public Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default)
    {
        var chain = new List<UnitInfo>();
        for (var unit = units.FirstOrDefault(u => u.Id == unitId); unit is not null; unit = units.FirstOrDefault(u => u.Id == unit.ParentId))
            chain.Add(unit);
        return Task.FromResult<IReadOnlyList<UnitInfo>>(chain);
    }

    public Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default)
    {
        var person = people.FirstOrDefault(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));
        var managed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in units.Where(u => person is not null && u.ManagerEmployeeId == person.EmployeeId))
            AddWithDescendants(root.Id, managed);
        return Task.FromResult<IReadOnlySet<string>>(managed);
    }

    private void AddWithDescendants(string unitId, HashSet<string> into)
    {
        if (!into.Add(unitId)) return;
        foreach (var child in units.Where(u => u.ParentId == unitId)) AddWithDescendants(child.Id, into);
    }

    public Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default)
    {
        var wanted = unitIds.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<PersonInfo>>(people.Where(p => p.UnitId is { } u && wanted.Contains(u)).ToList());
    }

    public Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<DeviceInfo>>(devices.Where(d => d.AssignedToEmployeeId == employeeId).ToList());

    public Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default) =>
        Task.FromResult(devices.FirstOrDefault(d => d.Id == deviceId));
}
