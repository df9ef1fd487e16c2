using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Support;

/// <summary>A small organisation: administration HS → area OST → units AKUT (manager anna, E100) and its ward AKUT-1; area NORR → unit VC (olle, E200).</summary>
internal static class Org
{
    public static readonly RegisterUser Admin = RegisterUser.System;
    public static readonly RegisterUser Service = User("sam.service", RegisterRoles.ServiceCenter, RegisterRoles.Employee);
    public static readonly RegisterUser Anna = User("anna.chef", RegisterRoles.Manager, RegisterRoles.Employee);
    public static readonly RegisterUser Olle = User("olle.chef", RegisterRoles.Manager, RegisterRoles.Employee);
    public static readonly RegisterUser Erik = User("erik.anstalld", RegisterRoles.Employee);
    public static readonly RegisterUser Maja = User("maja.mobil", RegisterRoles.Employee);

    public static RegisterUser User(string name, params string[] roles) => new(name, roles.ToHashSet());

    public static OrgSnapshot Snapshot(params NewPerson[] extra)
    {
        NewUnit[] units =
        [
            new("HS", "Hälso- och sjukvårdsförvaltningen", OrgLevel.Administration),
            new("OST", "Område Östersund", OrgLevel.Area, "HS"),
            new("NORR", "Område Norr", OrgLevel.Area, "HS"),
            new("AKUT", "Akutmottagningen", OrgLevel.Unit, "OST", "E100"),
            new("AKUT-1", "Akutvårdsavdelning 1", OrgLevel.Unit, "AKUT"),
            new("VC", "Vårdcentral Strömsund", OrgLevel.Unit, "NORR", "E200"),
        ];
        NewPerson[] people =
        [
            new("E100", "anna.chef", "Anna Chef", "anna@rjh.se", "AKUT", Roles: ["Manager", "Employee"]),
            new("E200", "olle.chef", "Olle Chef", "olle@rjh.se", "VC", Roles: ["Manager", "Employee"]),
            new("E300", "erik.anstalld", "Erik Anställd", "erik@rjh.se", "AKUT-1", "E100"),
            new("E400", "maja.mobil", "Maja Mobil", "maja@rjh.se", "VC", "E200", WorksAcrossLargeArea: true),
            new("E500", "sam.service", "Sam Service", null, "VC", Roles: ["ServiceCenter", "Employee"]),
            .. extra,
        ];
        return new OrgSnapshot(units.Select((u, i) => new ImportRow<NewUnit>(i + 1, u)).ToList(),
            people.Select((p, i) => new ImportRow<NewPerson>(i + 1, p)).ToList(), [],
            people.Select(p => p.EmployeeId).ToHashSet());
    }

    public static async Task<TempRegister> WithOrgAsync(this Task<TempRegister> creating)
    {
        var register = await creating;
        var result = await register.Org.ImportAsync(Admin, Snapshot());
        Assert.Empty(result.Refused);
        return register;
    }

    public static string Imei(int n) => RJH.DeviceWorkflows.Testing.TestImei.For(n);
}
