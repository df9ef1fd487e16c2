using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Org;

public sealed record NewUnit(string Id, string Name, OrgLevel Level, string? ParentId = null, string? ManagerEmployeeId = null);

/// <summary>A person as HR gives it (API and import); missing working hours mean Monday–Friday 08:00–17:00 Swedish time.</summary>
public sealed record NewPerson(string EmployeeId, string UserName, string Name, string? Email = null, string? UnitId = null,
    string? ManagerEmployeeId = null, IReadOnlyList<string>? Roles = null, IReadOnlyList<DayOfWeek>? WorkDays = null,
    TimeOnly? WorkStart = null, TimeOnly? WorkEnd = null, string? TimeZoneId = null, bool HasOwnExtension = false,
    bool SharesExtension = false, bool WorksAcrossLargeArea = false);

/// <summary>What is still linked to a person; <see cref="IsClear"/> when offboarding has ended or handed on everything.</summary>
public sealed record PersonLinks(string EmployeeId, IReadOnlyList<DeviceView> Devices, IReadOnlyList<SubscriptionView> Subscriptions,
    IReadOnlyList<ExtensionView> Extensions)
{
    public bool IsClear => Devices.Count == 0 && Subscriptions.Count == 0 && Extensions.Count == 0;
}

internal static class OrgMapping
{
    public const string DefaultTimeZone = "Europe/Stockholm";
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static UnitInfo ToInfo(UnitRecord u) => new(u.Id, u.Name, u.Level, u.ParentId, u.ManagerEmployeeId, u.Rollout);

    public static PersonInfo ToInfo(PersonRecord p) => new(p.EmployeeId, p.UserName, p.Name, p.Email, p.UnitId, p.ManagerEmployeeId,
        Split(p.Roles), Split(p.WorkDays).Select(Enum.Parse<DayOfWeek>).ToList(), p.WorkStart, p.WorkEnd, p.TimeZoneId,
        p.HasOwnExtension, p.SharesExtension, p.WorksAcrossLargeArea, p.FlaggedForOffboarding);

    /// <summary>Copies the HR fields onto a row; returns whether anything changed.</summary>
    public static bool Apply(PersonRecord row, NewPerson p)
    {
        var before = ToInfo(row);
        row.UserName = p.UserName.Trim();
        row.Name = p.Name.Trim();
        row.Email = string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim();
        row.UnitId = p.UnitId;
        row.ManagerEmployeeId = string.IsNullOrWhiteSpace(p.ManagerEmployeeId) ? null : p.ManagerEmployeeId;
        row.Roles = string.Join(',', (p.Roles ?? [RegisterRoles.Employee]).Select(r => r.Trim()).Where(r => r.Length > 0));
        row.WorkDays = string.Join(',', p.WorkDays ?? Weekdays);
        row.WorkStart = p.WorkStart ?? new TimeOnly(8, 0);
        row.WorkEnd = p.WorkEnd ?? new TimeOnly(17, 0);
        row.TimeZoneId = p.TimeZoneId ?? DefaultTimeZone;
        row.HasOwnExtension = p.HasOwnExtension;
        row.SharesExtension = p.SharesExtension;
        row.WorksAcrossLargeArea = p.WorksAcrossLargeArea;
        return !Same(before, ToInfo(row));
    }

    private static bool Same(PersonInfo a, PersonInfo b) =>
        a with { Roles = [], WorkDays = [] } == b with { Roles = [], WorkDays = [] }
        && a.Roles.SequenceEqual(b.Roles) && a.WorkDays.SequenceEqual(b.WorkDays);

    private static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
