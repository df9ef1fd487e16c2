using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Tests.WorkEnvironment;

/// <summary>
/// The demo users placed in a small organisation, standing in for the register until it is merged: <c>adm-hsf</c> →
/// <c>area-ost</c> → <c>unit-akut</c> (manager anna.chef: erik.anstalld, sara.skyddsombud) and <c>unit-rehab</c>
/// (manager olle.chef: maja.mobil, hanna.hr). erik has phone <see cref="ErikPhone"/>, maja <see cref="MajaPhone"/>.
/// </summary>
internal sealed class DemoOrganisation : IRegisterDirectory
{
    public static readonly Guid ErikPhone = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid MajaPhone = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002");

    private static readonly UnitInfo[] Units =
    [
        new("adm-hsf", "Hälso- och sjukvårdsförvaltningen", OrgLevel.Administration, null, null, RolloutMode.None),
        new("area-ost", "Område Östersund", OrgLevel.Area, "adm-hsf", null, RolloutMode.None),
        new("unit-akut", "Akutmottagningen", OrgLevel.Unit, "area-ost", "E100", RolloutMode.None),
        new("unit-rehab", "Rehabenheten", OrgLevel.Unit, "area-ost", "E101", RolloutMode.None),
    ];

    // (employee id, user name, unit)
    private static readonly (string Id, string User, string Unit)[] Staff =
    [
        ("E100", "anna.chef", "unit-akut"), ("E101", "olle.chef", "unit-rehab"), ("E200", "erik.anstalld", "unit-akut"),
        ("E201", "maja.mobil", "unit-rehab"), ("E300", "sara.skyddsombud", "unit-akut"), ("E301", "hanna.hr", "unit-rehab"),
    ];

    private static readonly DeviceInfo[] Devices =
    [
        new(ErikPhone, null, "S-1", "iPhone 15", DeviceType.Phone, DeviceStatus.Assigned, "E200", null),
        new(MajaPhone, null, "S-2", "Galaxy S24", DeviceType.Phone, DeviceStatus.Assigned, "E201", null),
    ];

    // The roles the demo tokens carry; the register is asked for them on every work-environment access check.
    private static readonly Dictionary<string, string[]> RolesOf = new(StringComparer.Ordinal)
    {
        ["anna.chef"] = ["Manager", "Employee"], ["olle.chef"] = ["Manager", "Employee"],
        ["sara.skyddsombud"] = ["SafetyRep", "Employee"], ["hanna.hr"] = ["HR", "Employee"],
    };

    private static PersonInfo ToPerson((string Id, string User, string Unit) s) =>
        new(s.Id, s.User, s.User, null, s.Unit, null, RolesOf.GetValueOrDefault(s.User, ["Employee"]), [DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(17, 0),
            "Europe/Stockholm", false, false, false, false);

    public Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default) =>
        Task.FromResult(Staff.Where(s => s.Id == employeeId).Select(ToPerson).FirstOrDefault());

    public Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default) =>
        Task.FromResult(Staff.Where(s => s.User == userName).Select(ToPerson).FirstOrDefault());

    public Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default) =>
        Task.FromResult(Units.FirstOrDefault(u => u.Id == unitId));

    public Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default)
    {
        var chain = new List<UnitInfo>();
        for (var id = unitId; Units.FirstOrDefault(u => u.Id == id) is { } unit; id = unit.ParentId) chain.Add(unit);
        return Task.FromResult<IReadOnlyList<UnitInfo>>(chain);
    }

    /// <summary>Only leaf units have managers here, so a manager's units are exactly the ones they head.</summary>
    public Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlySet<string>>(Units.Where(u => Staff.Any(s => s.User == userName && s.Id == u.ManagerEmployeeId))
            .Select(u => u.Id).ToHashSet());

    public Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PersonInfo>>(Staff.Where(s => unitIds.Contains(s.Unit)).Select(ToPerson).ToList());

    public Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<DeviceInfo>>(Devices.Where(d => d.AssignedToEmployeeId == employeeId).ToList());

    public Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default) =>
        Task.FromResult(Devices.FirstOrDefault(d => d.Id == deviceId));
}
