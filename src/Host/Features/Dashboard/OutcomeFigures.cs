using System.Globalization;
using RJH.DeviceWorkflows.Host.Ui;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Outcomes;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>
/// The register's part of the outcome dashboard, computed from its facts by plain rules that the page states:
/// <list type="bullet">
/// <item>a report is a held device going to repair or lost; the person has a working phone again at the first
/// device handed to them (a loan or a new one) or when the same device comes back from repair, whichever is first;
/// people who have left are not counted (they need no phone);</item>
/// <item>an order is delivered when it closes as Delivered;</item>
/// <item>a return is reusable when a wiped device goes back to stock without activation lock, scrapped when it is retired.</item>
/// </list>
/// Months are Stockholm months of the report, the order or the return.
/// </summary>
public static class OutcomeFigures
{
    private static readonly DeviceStatus[] Broken = [DeviceStatus.InRepair, DeviceStatus.Lost];

    public static string MonthOf(DateTimeOffset at) => UiCultures.ToStockholm(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<DurationRow> WithoutPhone(OutcomeFacts facts)
    {
        var people = facts.People.Where(p => !p.Leaving).ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        var cases = facts.DeviceChanges
            .Where(c => Broken.Contains(c.To) && c.HolderBefore is not null && people.ContainsKey(c.HolderBefore))
            .Select(report => (report.At, people[report.HolderBefore!].UnitId, Ended: WorkingAgain(facts, report)));
        return Summarise(cases, facts.Units);
    }

    public static IReadOnlyList<DurationRow> OrderToDelivery(OutcomeFacts facts)
    {
        var people = facts.People.ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        var cases = facts.Orders
            .Where(o => o.Status is DeviceOrderStatus.Open or DeviceOrderStatus.Delivered && people.ContainsKey(o.EmployeeId))
            .Select(o => (At: o.OpenedAt, people[o.EmployeeId].UnitId, Ended: o.Status == DeviceOrderStatus.Delivered ? o.ClosedAt : null));
        return Summarise(cases, facts.Units);
    }

    public static IReadOnlyList<ReturnRow> Returns(OutcomeFacts facts) => facts.DeviceChanges
        .Select(c => (c.At, Reusable: c.From == DeviceStatus.Wiped && c.To == DeviceStatus.InStock && c.LockAfter != ActivationLock.On,
            Scrapped: c.To == DeviceStatus.Retired))
        .Where(c => c.Reusable || c.Scrapped)
        .GroupBy(c => MonthOf(c.At))
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ReturnRow(g.Key, g.Count(c => c.Reusable), g.Count(c => c.Scrapped)))
        .ToList();

    public static IReadOnlyList<LeaverItem> HeldByLeavers(OutcomeFacts facts)
    {
        var people = facts.People.ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        var units = facts.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        return facts.HeldByLeavers
            .Select(h =>
            {
                var person = people.GetValueOrDefault(h.EmployeeId);
                var unit = person?.UnitId is { } id ? units.GetValueOrDefault(id) : null;
                return new LeaverItem(h.Kind, h.Id, h.Label, h.EmployeeId, person?.Name ?? h.EmployeeId, unit, Href(h));
            })
            .OrderBy(i => i.PersonName, StringComparer.CurrentCulture).ThenBy(i => i.Kind).ThenBy(i => i.Label, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where to act on it: the device's page (which shows its subscription and extension too), else the register's list.</summary>
    public static string Href(HeldByLeaver item) => item.Kind switch
    {
        AssignmentKind.Device => $"/register/devices/{item.Id}",
        _ when item.DeviceId is { } device => $"/register/devices/{device}",
        AssignmentKind.Subscription => "/register/subscriptions",
        _ => "/register/extensions",
    };

    private static DateTimeOffset? WorkingAgain(OutcomeFacts facts, DeviceChangeFact report)
    {
        var handedOut = facts.DeviceAssignments
            .Where(a => a.EmployeeId == report.HolderBefore && a.At >= report.At)
            .Select(a => (DateTimeOffset?)a.At);
        var repaired = facts.DeviceChanges
            .Where(c => c.DeviceId == report.DeviceId && c.From == DeviceStatus.InRepair && c.To == DeviceStatus.Assigned && c.At >= report.At)
            .Select(c => (DateTimeOffset?)c.At);
        return handedOut.Concat(repaired).Min();
    }

    private static IReadOnlyList<DurationRow> Summarise(IEnumerable<(DateTimeOffset At, string? UnitId, DateTimeOffset? Ended)> cases,
        IReadOnlyList<UnitFact> units)
    {
        var names = units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var list = cases.Select(c => (Month: MonthOf(c.At), c.UnitId, Days: c.Ended is { } end ? (end - c.At).TotalDays : (double?)null)).ToList();
        DurationRow Row(string month, string? unitId, IEnumerable<double?> days)
        {
            var ended = days.Where(d => d is not null).Select(d => d!.Value).ToList();
            return new DurationRow(month, unitId, unitId is null ? null : names.GetValueOrDefault(unitId, unitId), ended.Count,
                Percentiles.Median(ended), Percentiles.P90(ended), days.Count(d => d is null));
        }
        var perMonth = list.GroupBy(c => c.Month).Select(g => Row(g.Key, null, g.Select(c => c.Days)));
        var perUnit = list.Where(c => c.UnitId is not null).GroupBy(c => (c.Month, c.UnitId))
            .Select(g => Row(g.Key.Month, g.Key.UnitId, g.Select(c => c.Days)));
        return perMonth.Concat(perUnit)
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.UnitId is not null).ThenBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ToList();
    }
}
