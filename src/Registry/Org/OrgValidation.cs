using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Org;

/// <summary>Checks of units and people that need no database (the caller checks references).</summary>
internal static class OrgValidation
{
    private const int IdLength = 64;
    private static readonly HashSet<string> KnownRoles =
    [
        RegisterRoles.Admin, RegisterRoles.ProcessOwner, RegisterRoles.Manager, RegisterRoles.ServiceCenter,
        RegisterRoles.SafetyRep, RegisterRoles.HR, RegisterRoles.Finance, RegisterRoles.Employee,
    ];

    public static void Check(NewUnit unit)
    {
        Id(unit.Id, "id");
        Required(unit.Name, "name", "Namn saknas.");
        if (!Enum.IsDefined(unit.Level)) throw new RegisterValidationException("level", "Okänd nivå; ange Administration, Area eller Unit.");
        if (unit.Level == OrgLevel.Administration && unit.ParentId is not null)
            throw new RegisterValidationException("parentId", "En förvaltning ligger överst och har ingen överordnad.");
        if (unit.Level != OrgLevel.Administration && string.IsNullOrWhiteSpace(unit.ParentId))
            throw new RegisterValidationException("parentId", "Område och enhet måste ha en överordnad.");
    }

    public static void Check(NewPerson person)
    {
        Id(person.EmployeeId, "employeeId");
        Required(person.UserName, "userName", "Användarnamn saknas.");
        Required(person.Name, "name", "Namn saknas.");
        if (person.Email is { Length: > 0 } email && (!email.Contains('@') || email.Length > 200))
            throw new RegisterValidationException("email", $"{email} är ingen giltig e-postadress.");
        if (string.IsNullOrWhiteSpace(person.UnitId)) throw new RegisterValidationException("unitId", "Enhet saknas.");
        foreach (var role in person.Roles ?? [])
            if (!KnownRoles.Contains(role.Trim()))
                throw new RegisterValidationException("roles", $"Okänd roll {role}.");
        if (person.WorkStart is { } start && person.WorkEnd is { } end && start >= end)
            throw new RegisterValidationException("workEnd", "Arbetstiden måste sluta efter att den börjar.");
        if (person.TimeZoneId is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            throw new RegisterValidationException("timeZoneId", $"Okänd tidszon {zone}.");
    }

    public static void CheckUnitLevel(UnitRecord? parent, NewUnit unit)
    {
        if (parent is null) return;
        // Units may nest (a ward under a clinic); areas sit directly under an administration.
        var fits = unit.Level == OrgLevel.Area ? parent.Level == OrgLevel.Administration : parent.Level is OrgLevel.Area or OrgLevel.Unit;
        if (!fits)
            throw new RegisterValidationException("parentId", $"En {unit.Level} kan inte ligga under en {parent.Level}.");
    }

    private static void Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > IdLength)
            throw new RegisterValidationException(field, $"Id saknas eller är längre än {IdLength} tecken.");
    }

    private static void Required(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new RegisterValidationException(field, message);
    }
}
